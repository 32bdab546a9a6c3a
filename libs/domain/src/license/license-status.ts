import { assertNever } from '../shared/decider';
import { addDays, addYears, LegalDate } from '../shared/dates';
import { LicenseType } from '../application/application-content';
import { LineQuantity } from './license-events';
import { LicenseLine, LicenseRecord, LicenseState, Suspension } from './license-state';

/** Individual licenses run one year at most, general licenses three. */
export const MAX_VALIDITY_YEARS: Readonly<Record<LicenseType, number>> = { individual: 1, general: 3 };

/** The last day a license of this type starting on `validFrom` may run to (inclusive). */
export function maxValidUntil(licenseType: LicenseType, validFrom: LegalDate): LegalDate {
  return addDays(addYears(validFrom, MAX_VALIDITY_YEARS[licenseType]), -1);
}

/** Quantities are decimals (kg); rounding keeps 0.1 + 0.2 from exceeding 0.3. */
export function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function remainingOf(line: LicenseLine): number {
  return roundQuantity(line.item.quantity.amount - line.shipped);
}

export function remainingQuantities(lines: readonly LicenseLine[]): LineQuantity[] {
  return lines.map((line) => ({ lineId: line.item.lineId, quantity: remainingOf(line) }));
}

export function isUsedUp(license: LicenseRecord, lines: readonly LicenseLine[] = license.lines): boolean {
  return license.licenseType === 'individual' && lines.every((line) => remainingOf(line) <= 0);
}

/** A suspension holds from its first day until (not including) its `until` date. */
export function suspensionInEffect(suspension: Suspension, on: LegalDate): boolean {
  return suspension.until === null || on < suspension.until;
}

export type LicenseStatusOnDate =
  'none' | 'not_yet_valid' | 'active' | 'suspended' | 'exhausted' | 'revoked' | 'expired';

/**
 * What holds on `on`, including what needs no event: expiry after
 * `validUntil` and a suspension lapsing on its `until` date.
 */
export function licenseStatusOn(state: LicenseState, on: LegalDate): LicenseStatusOnDate {
  switch (state.status) {
    case 'none':
    case 'exhausted':
    case 'revoked':
    case 'expired':
      return state.status;
    case 'active':
    case 'suspended':
      if (on > state.license.validUntil) return 'expired';
      if (on < state.license.validFrom) return 'not_yet_valid';
      if (state.status === 'suspended' && suspensionInEffect(state.suspension, on)) return 'suspended';
      return 'active';
    default:
      return assertNever(state, 'license state');
  }
}
