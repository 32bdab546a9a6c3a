import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { Party } from '../shared/items';
import { DecisionRecord } from '../rules/decision-record';
import { licenseEvent, LineQuantity } from './license-event-shape';

/**
 * What an exporter asks to change on a license: the fields `AmendLicense`
 * changes, each optional. Quantities are the new licensed quantities of the
 * lines named; end users replace the license's list.
 */
export const AmendmentChanges = z.object({
  validUntil: LegalDate.optional(),
  endUsers: z.array(Party).min(1).optional(),
  quantities: z.array(LineQuantity).min(1).optional(),
});
export type AmendmentChanges = z.infer<typeof AmendmentChanges>;

export const AmendmentRecommendation = z.enum(['approve', 'reject']);
export type AmendmentRecommendation = z.infer<typeof AmendmentRecommendation>;

const amendmentRequestId = z.string().min(1);

export const AmendmentRequested = licenseEvent('AmendmentRequested', {
  amendmentRequestId,
  requestedBy: z.string().min(1),
  requestedOn: LegalDate,
  reason: z.string().min(1),
  changes: AmendmentChanges,
});
export const AmendmentReviewerAssigned = licenseEvent('AmendmentReviewerAssigned', {
  amendmentRequestId,
  reviewerId: z.string().min(1),
  assignedOn: LegalDate,
});
export const AmendmentReviewCompleted = licenseEvent('AmendmentReviewCompleted', {
  amendmentRequestId,
  reviewerId: z.string().min(1),
  recommendation: AmendmentRecommendation,
  notes: z.string(),
  completedOn: LegalDate,
});
/** Always followed, in the same append, by the `LicenseAmended` that applies the request. */
export const AmendmentApproved = licenseEvent('AmendmentApproved', {
  amendmentRequestId,
  approverId: z.string().min(1),
  approvedOn: LegalDate,
  /** The rule evaluation of the license as amended, on the day of the approval. */
  decision: DecisionRecord,
});
export const AmendmentRejected = licenseEvent('AmendmentRejected', {
  amendmentRequestId,
  approverId: z.string().min(1),
  rejectedOn: LegalDate,
  reasons: z.array(z.string().min(1)).min(1),
  /** Null when the officer rejected on reasons alone, without a rule evaluation. */
  decision: DecisionRecord.nullable(),
});
