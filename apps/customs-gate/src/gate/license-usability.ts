import type { LegalDate, LicenseStateSnapshot } from '@licensing/contracts';
import { assertNever } from './assert-never';
import { type Refusal, refusal } from './refusals';

/**
 * Whether goods may leave under the license on `today`, from the snapshot
 * alone. Some changes arrive with no message: the validity period ends after
 * `validUntil` before any `license.expired` is sent, and a suspension with
 * `until` lapses on that date by itself (it holds up to, not including, it).
 */
export function licenseRefusalOn(license: LicenseStateSnapshot, today: LegalDate): Refusal | null {
  const id = license.licenseId;
  switch (license.status) {
    case 'revoked':
      return refusal(
        'gate.license_revoked',
        `License ${id} was revoked on ${license.endedOn ?? 'an unknown date'}; nothing may ship under it.`,
      );
    case 'expired':
      return refusal(
        'gate.license_expired',
        `License ${id} expired (valid until ${license.validUntil}); the exporter needs a new license.`,
      );
    case 'exhausted':
      return refusal(
        'gate.license_exhausted',
        `License ${id} is exhausted since ${license.endedOn ?? 'an unknown date'}: every line has shipped in full. The exporter needs a new license.`,
      );
    case 'active':
    case 'suspended':
      return dateRefusal(license, today);
    default:
      return assertNever(license.status, 'license status');
  }
}

function dateRefusal(license: LicenseStateSnapshot, today: LegalDate): Refusal | null {
  const id = license.licenseId;
  if (today > license.validUntil) {
    return refusal(
      'gate.license_expired',
      `License ${id} was valid until ${license.validUntil}; on ${today} it no longer is.`,
    );
  }
  if (today < license.validFrom) {
    return refusal(
      'gate.license_not_yet_valid',
      `License ${id} is valid from ${license.validFrom}; nothing may ship under it on ${today}.`,
    );
  }
  if (license.status !== 'suspended') return null;
  const suspension = license.suspension;
  // The contract always fills it while suspended; without it, refusing is the safe reading.
  if (suspension === null)
    return refusal('gate.license_suspended', `License ${id} is suspended; no shipment may use it meanwhile.`);
  if (suspensionHolds(suspension, today)) {
    const until = suspension.until === null ? 'until reinstated' : `until ${suspension.until}`;
    return refusal(
      'gate.license_suspended',
      `License ${id} is suspended from ${suspension.suspendedOn} ${until} (${suspension.reason}); no shipment may use it meanwhile.`,
    );
  }
  return null;
}

function suspensionHolds(suspension: { suspendedOn: LegalDate; until: LegalDate | null }, today: LegalDate): boolean {
  return today >= suspension.suspendedOn && (suspension.until === null || today < suspension.until);
}
