import { LegalDate } from '../shared/dates';
import { DomainError, IllegalTransitionError, NotFoundError } from '../shared/errors';
import { IssuedLicenseState, LicenseState } from './license-state';

export function requireIssued(state: LicenseState, command: string): IssuedLicenseState {
  if (state.status === 'none') {
    throw new NotFoundError('license.not_found', `Cannot ${command}: no license has been issued under this id.`);
  }
  return state;
}

/** The license is live in the event log (active or suspended); refuses terminal statuses. */
export function requireLive(
  state: LicenseState,
  command: string,
): Extract<LicenseState, { status: 'active' | 'suspended' }> {
  const current = requireIssued(state, command);
  if (current.status === 'active' || current.status === 'suspended') return current;
  throw new IllegalTransitionError(
    'license',
    command,
    current.status,
    'Only an active or suspended license can change.',
  );
}

/** Expiry needs no event: a license past `validUntil` is expired by date. */
export function refuseIfExpiredByDate(state: IssuedLicenseState, today: LegalDate, command: string): void {
  if (today > state.license.validUntil) {
    throw new DomainError(
      'license.expired',
      `Cannot ${command}: license ${state.license.licenseId} expired after ${state.license.validUntil}.`,
      { validUntil: state.license.validUntil, today },
    );
  }
}
