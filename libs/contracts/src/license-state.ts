import { z } from 'zod';
import { LegalDate, LicenseLine, LicenseType, PartyRef } from './common';
import { contractEvent } from './envelope';

/**
 * Status as recorded. `suspended` with a `suspension.until` date lapses by
 * itself on that date without a new snapshot: consumers compare it with
 * today. `revoked` and `expired` are final; `exhausted` is final unless a
 * shipment is later cancelled or corrected down, which opens the license
 * again (`active`, a new snapshot with the quantities given back).
 */
export const LicenseStatus = z.enum(['active', 'suspended', 'exhausted', 'revoked', 'expired']);
export type LicenseStatus = z.infer<typeof LicenseStatus>;

/**
 * One license as it stands after its latest event: the value of the
 * compacted topic, so a new consumer reads the current state of every
 * license without replaying history.
 */
export const LicenseStateSnapshot = z.object({
  licenseId: z.string().min(1),
  applicationId: z.string().min(1),
  exporterId: z.string().min(1),
  licenseType: LicenseType,
  status: LicenseStatus,
  validFrom: LegalDate,
  validUntil: LegalDate,
  lines: z.array(LicenseLine).min(1),
  endUsers: z.array(PartyRef).min(1),
  /** Present while status is `suspended`. */
  suspension: z.object({ reason: z.string().min(1), suspendedOn: LegalDate, until: LegalDate.nullable() }).nullable(),
  /** The day the license became final (revoked, expired or exhausted); null otherwise. */
  endedOn: LegalDate.nullable(),
  /** Id and global position (decimal string) of the last event folded in; equal to the envelope's. */
  lastEventId: z.guid(),
  lastPosition: z.string().regex(/^(0|[1-9][0-9]*)$/),
  /**
   * The license stream's revision after the last event (0 = just issued).
   * Strictly increasing per license: ignore a snapshot whose version is not
   * above the one you hold.
   */
  version: z.number().int().nonnegative(),
});
export type LicenseStateSnapshot = z.infer<typeof LicenseStateSnapshot>;

/** The message on the compacted license-state topic: the envelope of the event that produced the snapshot. */
export const LicenseStateV1 = contractEvent('license.state', 'license', LicenseStateSnapshot);
export type LicenseStateV1 = z.infer<typeof LicenseStateV1>;
