import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { Command } from '../shared/metadata';
import { DecisionRecord } from '../rules/decision-record';
import { ApplicationContent, SuppliedDocument } from './application-content';
import { ReviewRecommendation } from './application-events';

const id = { applicationId: z.string().min(1) };

export const DraftApplicationData = z.object({ ...id, application: ApplicationContent });
export const ReviseDraftData = z.object({ ...id, application: ApplicationContent });
export const SubmitApplicationData = z.object(id);
export const AcceptApplicationData = z.object({
  ...id,
  /** The public-holiday calendar the handler holds; holidays are data, not code. */
  holidays: z.array(LegalDate).optional(),
});
export const RequestDocumentsData = z.object({
  ...id,
  documents: z.array(z.string().min(1)).min(1),
  reason: z.string().min(1),
});
export const SupplyDocumentsData = z.object({ ...id, documents: z.array(SuppliedDocument).min(1) });
export const AssignReviewerData = z.object({ ...id, reviewerId: z.string().min(1) });
export const CompleteReviewData = z.object({ ...id, recommendation: ReviewRecommendation, notes: z.string() });
/** The application layer computes `decision` with evaluate() before sending the command. */
export const ApproveApplicationData = z.object({ ...id, decision: DecisionRecord });
export const RejectApplicationData = z.object({
  ...id,
  decision: DecisionRecord.optional(),
  reasons: z.array(z.string().min(1)),
});
export const WithdrawApplicationData = z.object({ ...id, reason: z.string().min(1).optional() });
export const MarkReviewDeadlineMissedData = z.object(id);

export type DraftApplication = Command<'DraftApplication', z.infer<typeof DraftApplicationData>>;
export type ReviseDraft = Command<'ReviseDraft', z.infer<typeof ReviseDraftData>>;
export type SubmitApplication = Command<'SubmitApplication', z.infer<typeof SubmitApplicationData>>;
export type AcceptApplication = Command<'AcceptApplication', z.infer<typeof AcceptApplicationData>>;
export type RequestDocuments = Command<'RequestDocuments', z.infer<typeof RequestDocumentsData>>;
export type SupplyDocuments = Command<'SupplyDocuments', z.infer<typeof SupplyDocumentsData>>;
export type AssignReviewer = Command<'AssignReviewer', z.infer<typeof AssignReviewerData>>;
export type CompleteReview = Command<'CompleteReview', z.infer<typeof CompleteReviewData>>;
export type ApproveApplication = Command<'ApproveApplication', z.infer<typeof ApproveApplicationData>>;
export type RejectApplication = Command<'RejectApplication', z.infer<typeof RejectApplicationData>>;
export type WithdrawApplication = Command<'WithdrawApplication', z.infer<typeof WithdrawApplicationData>>;
export type MarkReviewDeadlineMissed = Command<
  'MarkReviewDeadlineMissed',
  z.infer<typeof MarkReviewDeadlineMissedData>
>;

export type ApplicationCommand =
  | DraftApplication
  | ReviseDraft
  | SubmitApplication
  | AcceptApplication
  | RequestDocuments
  | SupplyDocuments
  | AssignReviewer
  | CompleteReview
  | ApproveApplication
  | RejectApplication
  | WithdrawApplication
  | MarkReviewDeadlineMissed;

/** Edge validation: the `data` schema for each command type. */
export const applicationCommandData = {
  DraftApplication: DraftApplicationData,
  ReviseDraft: ReviseDraftData,
  SubmitApplication: SubmitApplicationData,
  AcceptApplication: AcceptApplicationData,
  RequestDocuments: RequestDocumentsData,
  SupplyDocuments: SupplyDocumentsData,
  AssignReviewer: AssignReviewerData,
  CompleteReview: CompleteReviewData,
  ApproveApplication: ApproveApplicationData,
  RejectApplication: RejectApplicationData,
  WithdrawApplication: WithdrawApplicationData,
  MarkReviewDeadlineMissed: MarkReviewDeadlineMissedData,
} as const satisfies Record<ApplicationCommand['type'], z.ZodType>;
