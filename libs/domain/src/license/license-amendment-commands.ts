import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, LIST_LIMITS, NotesInput, TextInput } from '../shared/input-fields';
import { PartyInput } from '../shared/items-input';
import { Command } from '../shared/metadata';
import { DecisionRecord } from '../rules/decision-record';
import { AmendmentRecommendation } from './license-amendment-events';

// Command inputs carry limits; the events keep permissive schemas (shared/input-fields.ts says why).
const request = { licenseId: IdInput, amendmentRequestId: IdInput };

/** The fields `AmendLicense` changes, as an exporter may ask for them. */
export const AmendmentChangesInput = z.strictObject({
  validUntil: LegalDate.optional(),
  endUsers: z.array(PartyInput).min(1).max(LIST_LIMITS.endUsers).optional(),
  quantities: z
    .array(z.object({ lineId: IdInput, quantity: z.number().nonnegative() }))
    .min(1)
    .max(LIST_LIMITS.lines)
    .optional(),
});

export const RequestAmendmentData = z.object({ ...request, changes: AmendmentChangesInput, reason: TextInput });
export const AssignAmendmentReviewerData = z.object({ ...request, reviewerId: IdInput });
export const CompleteAmendmentReviewData = z.object({
  ...request,
  recommendation: AmendmentRecommendation,
  notes: NotesInput,
});
/** The application layer evaluates the license as amended and sends the record with the command. */
export const ApproveAmendmentData = z.object({ ...request, decision: DecisionRecord });
export const RejectAmendmentData = z.object({
  ...request,
  reasons: z.array(TextInput).max(LIST_LIMITS.reasons),
  decision: DecisionRecord.optional(),
});

export type RequestAmendment = Command<'RequestAmendment', z.infer<typeof RequestAmendmentData>>;
export type AssignAmendmentReviewer = Command<'AssignAmendmentReviewer', z.infer<typeof AssignAmendmentReviewerData>>;
export type CompleteAmendmentReview = Command<'CompleteAmendmentReview', z.infer<typeof CompleteAmendmentReviewData>>;
export type ApproveAmendment = Command<'ApproveAmendment', z.infer<typeof ApproveAmendmentData>>;
export type RejectAmendment = Command<'RejectAmendment', z.infer<typeof RejectAmendmentData>>;

export type AmendmentRequestCommand =
  RequestAmendment | AssignAmendmentReviewer | CompleteAmendmentReview | ApproveAmendment | RejectAmendment;

export const amendmentRequestCommandData = {
  RequestAmendment: RequestAmendmentData,
  AssignAmendmentReviewer: AssignAmendmentReviewerData,
  CompleteAmendmentReview: CompleteAmendmentReviewData,
  ApproveAmendment: ApproveAmendmentData,
  RejectAmendment: RejectAmendmentData,
} as const satisfies Record<AmendmentRequestCommand['type'], z.ZodType>;
