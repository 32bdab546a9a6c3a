import { z } from 'zod';
import { LegalDate, LicenseLine, LicenseType, LineQuantity, PartyRef } from './common';
import { contractEvent } from './envelope';

const licenseId = z.string().min(1);

/** A license was issued: what it authorises, to whom, and when it may be used. */
export const LicenseIssuedV1 = contractEvent(
  'license.issued',
  'license',
  z.object({
    licenseId,
    applicationId: z.string().min(1),
    exporterId: z.string().min(1),
    licenseType: LicenseType,
    /** First and last day (inclusive, China Standard Time) the license may be used. */
    validFrom: LegalDate,
    validUntil: LegalDate,
    issuedOn: LegalDate,
    lines: z.array(LicenseLine).min(1),
    endUsers: z.array(PartyRef).min(1),
  }),
);
export type LicenseIssuedV1 = z.infer<typeof LicenseIssuedV1>;

/** A license was amended; carries the full values after the amendment, not a diff. */
export const LicenseAmendedV1 = contractEvent(
  'license.amended',
  'license',
  z.object({
    licenseId,
    amendedOn: LegalDate,
    reason: z.string().min(1),
    validUntil: LegalDate,
    lines: z.array(LicenseLine).min(1),
    endUsers: z.array(PartyRef).min(1),
  }),
);
export type LicenseAmendedV1 = z.infer<typeof LicenseAmendedV1>;

/**
 * The license may not be used from `suspendedOn`. With `until`, the
 * suspension lapses by itself on that date and no further event is sent:
 * compare `until` with today before refusing a shipment.
 */
export const LicenseSuspendedV1 = contractEvent(
  'license.suspended',
  'license',
  z.object({ licenseId, reason: z.string().min(1), suspendedOn: LegalDate, until: LegalDate.nullable() }),
);
export type LicenseSuspendedV1 = z.infer<typeof LicenseSuspendedV1>;

export const LicenseReinstatedV1 = contractEvent(
  'license.reinstated',
  'license',
  z.object({ licenseId, reinstatedOn: LegalDate, reason: z.string().min(1).nullable() }),
);
export type LicenseReinstatedV1 = z.infer<typeof LicenseReinstatedV1>;

/** Final: a revoked license is never valid again. */
export const LicenseRevokedV1 = contractEvent(
  'license.revoked',
  'license',
  z.object({ licenseId, reason: z.string().min(1), revokedOn: LegalDate }),
);
export type LicenseRevokedV1 = z.infer<typeof LicenseRevokedV1>;

/** Final: the validity period ended. `expiredOn` is the first day it was no longer valid. */
export const LicenseExpiredV1 = contractEvent(
  'license.expired',
  'license',
  z.object({ licenseId, validUntil: LegalDate, expiredOn: LegalDate }),
);
export type LicenseExpiredV1 = z.infer<typeof LicenseExpiredV1>;

/** Every line of an individual license has shipped in full. Final, unless a shipment is cancelled or corrected down. */
export const LicenseExhaustedV1 = contractEvent(
  'license.exhausted',
  'license',
  z.object({ licenseId, exhaustedOn: LegalDate }),
);
export type LicenseExhaustedV1 = z.infer<typeof LicenseExhaustedV1>;

/** Goods left under the license; `remaining` lists every line after this shipment. */
export const LicenseShipmentRecordedV1 = contractEvent(
  'license.shipment-recorded',
  'license',
  z.object({
    licenseId,
    shipmentId: z.string().min(1),
    shippedOn: LegalDate,
    customsDeclarationRef: z.string().min(1),
    shipped: z.array(LineQuantity).min(1),
    remaining: z.array(LineQuantity).min(1),
  }),
);
export type LicenseShipmentRecordedV1 = z.infer<typeof LicenseShipmentRecordedV1>;
