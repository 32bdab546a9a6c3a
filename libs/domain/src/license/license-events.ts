import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { Item, Party } from '../shared/items';
import { LicenseType } from '../application/application-content';
import {
  AmendmentApproved,
  AmendmentRejected,
  AmendmentRequested,
  AmendmentReviewCompleted,
  AmendmentReviewerAssigned,
} from './license-amendment-events';
import { licenseEvent as event, LineQuantity } from './license-event-shape';

export { LineQuantity } from './license-event-shape';

/** Licenses live in `license-<id>`. */
export function licenseStreamId(licenseId: string): string {
  return `license-${licenseId}`;
}

export const LicenseIssued = event('LicenseIssued', {
  applicationId: z.string().min(1),
  exporterId: z.string().min(1),
  licenseType: LicenseType,
  /** Each item's `quantity` is the licensed quantity of that line. */
  items: z.array(Item).min(1),
  endUsers: z.array(Party).min(1),
  /** First and last day (inclusive, China Standard Time) the license may be used. */
  validFrom: LegalDate,
  validUntil: LegalDate,
  issuedOn: LegalDate,
});
export const ShipmentRecorded = event('ShipmentRecorded', {
  shipmentId: z.string().min(1),
  lines: z.array(LineQuantity).min(1),
  shippedOn: LegalDate,
  customsDeclarationRef: z.string().min(1),
  /** Every line's remaining quantity after this shipment. */
  remaining: z.array(LineQuantity),
});
/**
 * A recorded shipment's lines as they really were (customs found another
 * quantity, a line was declared wrongly). `lines` replace the shipment's
 * lines (a line not named shipped nothing); the customs reference stays.
 */
export const ShipmentCorrected = event('ShipmentCorrected', {
  shipmentId: z.string().min(1),
  lines: z.array(LineQuantity).min(1),
  /** The shipment's lines before this correction. */
  previousLines: z.array(LineQuantity).min(1),
  reason: z.string().min(1),
  correctedOn: LegalDate,
  customsDeclarationRef: z.string().min(1),
  /** Every line's remaining quantity after the correction. */
  remaining: z.array(LineQuantity),
});
/** A recorded shipment did not leave: its quantities are restored to the license. */
export const ShipmentCancelled = event('ShipmentCancelled', {
  shipmentId: z.string().min(1),
  /** The lines given back: the shipment's lines as last recorded. */
  restored: z.array(LineQuantity).min(1),
  reason: z.string().min(1),
  cancelledOn: LegalDate,
  customsDeclarationRef: z.string().min(1),
  remaining: z.array(LineQuantity),
});
/** An individual license is used up once its whole quantity has shipped. */
export const LicenseExhausted = event('LicenseExhausted', { exhaustedOn: LegalDate });
/** Carries the full values after the amendment, not a diff. */
export const LicenseAmended = event('LicenseAmended', {
  reason: z.string().min(1),
  amendedOn: LegalDate,
  validUntil: LegalDate,
  endUsers: z.array(Party).min(1),
  licensed: z.array(LineQuantity),
  remaining: z.array(LineQuantity),
  /** The exporter's amendment request this applies; absent for an officer's own amendment. */
  amendmentRequestId: z.string().min(1).optional(),
});
export const LicenseSuspended = event('LicenseSuspended', {
  reason: z.string().min(1),
  suspendedOn: LegalDate,
  /** The suspension lapses by itself on this date, with no event; null: until reinstated. */
  until: LegalDate.nullable(),
});
export const LicenseReinstated = event('LicenseReinstated', {
  reinstatedOn: LegalDate,
  reason: z.string().nullable(),
});
export const LicenseRevoked = event('LicenseRevoked', { reason: z.string().min(1), revokedOn: LegalDate });
export const LicenseExpired = event('LicenseExpired', {
  validUntil: LegalDate,
  /** The first day the license was no longer valid. */
  expiredOn: LegalDate,
  recordedOn: LegalDate,
});

export const LicenseEvent = z.discriminatedUnion('type', [
  LicenseIssued,
  ShipmentRecorded,
  LicenseExhausted,
  LicenseAmended,
  LicenseSuspended,
  LicenseReinstated,
  LicenseRevoked,
  LicenseExpired,
  ShipmentCorrected,
  ShipmentCancelled,
  AmendmentRequested,
  AmendmentReviewerAssigned,
  AmendmentReviewCompleted,
  AmendmentApproved,
  AmendmentRejected,
]);
export type LicenseEvent = z.infer<typeof LicenseEvent>;
export type LicenseEventOf<Type extends LicenseEvent['type']> = Extract<LicenseEvent, { type: Type }>;
