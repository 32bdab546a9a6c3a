import { legalDateAt, addDays } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { DomainError, IllegalTransitionError } from '../shared/errors';
import { ExpireLicense, ReinstateLicense, RevokeLicense, SuspendLicense } from './license-commands';
import { LicenseEvent } from './license-events';
import { refuseIfExpiredByDate, requireIssued, requireLive } from './license-guards';
import { LicenseState } from './license-state';
import { suspensionInEffect } from './license-status';

export function suspend(command: SuspendLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'suspend a license');
  const live = requireLive(state, 'suspend a license');
  const today = legalDateAt(command.metadata.occurredAt);
  refuseIfExpiredByDate(live, today, 'suspend a license');
  if (live.status === 'suspended' && suspensionInEffect(live.suspension, today)) {
    throw new DomainError(
      'license.already_suspended',
      `License ${live.license.licenseId} has been suspended since ${live.suspension.suspendedOn}. Reinstate it before suspending it again.`,
    );
  }
  const until = command.data.until ?? null;
  if (until !== null && until <= today) {
    throw new DomainError(
      'license.invalid_suspension_end',
      `A suspension must end after today (${today}), not on ${until}.`,
    );
  }
  return [
    {
      type: 'LicenseSuspended',
      schemaVersion: 1,
      data: { licenseId: live.license.licenseId, reason: command.data.reason, suspendedOn: today, until },
    },
  ];
}

export function reinstate(command: ReinstateLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'reinstate a license');
  const current = requireIssued(state, 'reinstate a license');
  const today = legalDateAt(command.metadata.occurredAt);
  if (current.status !== 'suspended') {
    throw new DomainError(
      'license.not_suspended',
      `License ${current.license.licenseId} is ${current.status}, not suspended, so there is nothing to reinstate.`,
      { status: current.status },
    );
  }
  if (!suspensionInEffect(current.suspension, today)) {
    throw new DomainError(
      'license.not_suspended',
      `The suspension of license ${current.license.licenseId} lapsed by itself on ${current.suspension.until}; there is nothing to reinstate.`,
      { lapsedOn: current.suspension.until },
    );
  }
  return [
    {
      type: 'LicenseReinstated',
      schemaVersion: 1,
      data: { licenseId: current.license.licenseId, reinstatedOn: today, reason: command.data.reason ?? null },
    },
  ];
}

export function revoke(command: RevokeLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'revoke a license');
  const current = requireIssued(state, 'revoke a license');
  if (current.status === 'revoked') {
    throw new DomainError(
      'license.already_revoked',
      `License ${current.license.licenseId} was already revoked on ${current.revokedOn}.`,
    );
  }
  const live = requireLive(current, 'revoke a license');
  return [
    {
      type: 'LicenseRevoked',
      schemaVersion: 1,
      data: {
        licenseId: live.license.licenseId,
        reason: command.data.reason,
        revokedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function expire(command: ExpireLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'expire a license');
  const current = requireIssued(state, 'expire a license');
  if (current.status === 'expired') {
    throw new DomainError(
      'license.already_expired',
      `License ${current.license.licenseId} expired on ${current.expiredOn}.`,
    );
  }
  if (current.status !== 'active' && current.status !== 'suspended') {
    throw new IllegalTransitionError('license', 'expire a license', current.status, 'Only a live license can expire.');
  }
  const today = legalDateAt(command.metadata.occurredAt);
  const { licenseId, validUntil } = current.license;
  if (today <= validUntil) {
    throw new DomainError(
      'license.not_yet_expired',
      `License ${licenseId} is valid until ${validUntil} inclusive; on ${today} it has not expired.`,
      { validUntil, today },
    );
  }
  return [
    {
      type: 'LicenseExpired',
      schemaVersion: 1,
      data: { licenseId, validUntil, expiredOn: addDays(validUntil, 1), recordedOn: today },
    },
  ];
}
