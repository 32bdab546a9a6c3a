import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { DecisionRecord } from '../rules/decision-record';
import { ApplicationContent, LicenseType, SuppliedDocument } from './application-content';

/** Applications live in `application-<id>`. */
export function applicationStreamId(applicationId: string): string {
  return `application-${applicationId}`;
}

function event<Type extends string, Data extends z.ZodRawShape>(type: Type, data: Data) {
  return z.object({
    type: z.literal(type),
    schemaVersion: z.literal(1),
    data: z.object({ applicationId: z.string().min(1), ...data }),
  });
}

export const ApplicationDrafted = event('ApplicationDrafted', {
  application: ApplicationContent,
  draftedOn: LegalDate,
});
export const ApplicationDraftRevised = event('ApplicationDraftRevised', {
  application: ApplicationContent,
  revisedOn: LegalDate,
});
export const ApplicationSubmitted = event('ApplicationSubmitted', {
  exporterId: z.string().min(1),
  licenseType: LicenseType,
  submittedOn: LegalDate,
});
/** Acceptance starts the review clock; the deadline is recorded, never recomputed. */
export const ApplicationAccepted = event('ApplicationAccepted', {
  acceptedOn: LegalDate,
  reviewWorkingDays: z.number().int().positive(),
  reviewDeadline: LegalDate,
});
export const DocumentsRequested = event('DocumentsRequested', {
  documents: z.array(z.string().min(1)).min(1),
  reason: z.string().min(1),
  requestedOn: LegalDate,
});
export const DocumentsSupplied = event('DocumentsSupplied', {
  documents: z.array(SuppliedDocument).min(1),
  suppliedOn: LegalDate,
});
export const ReviewerAssigned = event('ReviewerAssigned', { reviewerId: z.string().min(1), assignedOn: LegalDate });
export const ReviewRecommendation = z.enum(['approve', 'reject']);
export type ReviewRecommendation = z.infer<typeof ReviewRecommendation>;
export const ReviewCompleted = event('ReviewCompleted', {
  reviewerId: z.string().min(1),
  recommendation: ReviewRecommendation,
  notes: z.string(),
  completedOn: LegalDate,
});
export const ApplicationApproved = event('ApplicationApproved', {
  exporterId: z.string().min(1),
  licenseType: LicenseType,
  approverId: z.string().min(1),
  approvedOn: LegalDate,
  decision: DecisionRecord,
});
export const ApplicationRejected = event('ApplicationRejected', {
  exporterId: z.string().min(1),
  approverId: z.string().min(1),
  rejectedOn: LegalDate,
  /** Null when the officer rejected on explicit reasons without a rule evaluation. */
  decision: DecisionRecord.nullable(),
  reasons: z.array(z.string().min(1)).min(1),
});
export const ApplicationWithdrawn = event('ApplicationWithdrawn', {
  withdrawnOn: LegalDate,
  reason: z.string().nullable(),
});
export const ReviewDeadlineMissed = event('ReviewDeadlineMissed', { deadline: LegalDate, detectedOn: LegalDate });

export const ApplicationEvent = z.discriminatedUnion('type', [
  ApplicationDrafted,
  ApplicationDraftRevised,
  ApplicationSubmitted,
  ApplicationAccepted,
  DocumentsRequested,
  DocumentsSupplied,
  ReviewerAssigned,
  ReviewCompleted,
  ApplicationApproved,
  ApplicationRejected,
  ApplicationWithdrawn,
  ReviewDeadlineMissed,
]);
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;
export type ApplicationEventOf<Type extends ApplicationEvent['type']> = Extract<ApplicationEvent, { type: Type }>;
