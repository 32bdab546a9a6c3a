import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, LIST_LIMITS, NameInput, NotesInput, TextInput } from '../shared/input-fields';
import { Command } from '../shared/metadata';
import { DecisionRecord } from '../rules/decision-record';
import { ApplicationContentInput, SuppliedDocumentInput } from './application-input';
import { ReviewRecommendation } from './application-events';

// Command inputs carry limits; the events keep permissive schemas (shared/input-fields.ts says why).
const id = { applicationId: IdInput };

export const DraftApplicationData = z.object({ ...id, application: ApplicationContentInput });
export const ReviseDraftData = z.object({ ...id, application: ApplicationContentInput });
export const SubmitApplicationData = z.object(id);
export const AcceptApplicationData = z.object({
  ...id,
  /** The public-holiday calendar the handler holds; holidays are data, not code. */
  holidays: z.array(LegalDate).max(LIST_LIMITS.holidays).optional(),
});
export const RequestDocumentsData = z.object({
  ...id,
  documents: z.array(NameInput).min(1).max(LIST_LIMITS.documents),
  reason: TextInput,
});
export const SupplyDocumentsData = z.object({
  ...id,
  documents: z.array(SuppliedDocumentInput).min(1).max(LIST_LIMITS.documents),
});
export const AssignReviewerData = z.object({ ...id, reviewerId: IdInput });
export const CompleteReviewData = z.object({ ...id, recommendation: ReviewRecommendation, notes: NotesInput });
/** The application layer computes `decision` with evaluate() before sending the command. */
export const ApproveApplicationData = z.object({ ...id, decision: DecisionRecord });
export const RejectApplicationData = z.object({
  ...id,
  decision: DecisionRecord.optional(),
  reasons: z.array(TextInput).max(LIST_LIMITS.reasons),
});
export const WithdrawApplicationData = z.object({ ...id, reason: TextInput.optional() });
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
