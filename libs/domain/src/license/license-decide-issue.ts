import { LegalDate, legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { DomainError } from '../shared/errors';
import { LicenseType } from '../application/application-content';
import { AmendLicense, IssueLicense } from './license-commands';
import { Party } from '../shared/items';
import { LicenseEvent, LineQuantity } from './license-events';
import { refuseIfExpiredByDate, requireLive } from './license-guards';
import { LicenseLine, LicenseState } from './license-state';
import { isUsedUp, MAX_VALIDITY_YEARS, maxValidUntil, remainingQuantities, roundQuantity } from './license-status';

function requireValidity(licenseType: LicenseType, validFrom: LegalDate, validUntil: LegalDate): void {
  if (validUntil < validFrom) {
    throw new DomainError(
      'license.invalid_validity',
      `The license cannot end (${validUntil}) before it starts (${validFrom}).`,
    );
  }
  const latest = maxValidUntil(licenseType, validFrom);
  if (validUntil > latest) {
    const years = MAX_VALIDITY_YEARS[licenseType];
    throw new DomainError(
      'license.validity_too_long',
      `${licenseType === 'individual' ? 'An' : 'A'} ${licenseType} license may run ${years} year${years > 1 ? 's' : ''} at most: from ${validFrom} until ${latest} at the latest, not ${validUntil}.`,
      { latest, validUntil },
    );
  }
}

export function issue(command: IssueLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'issue a license');
  const { licenseId, application, validFrom, validUntil } = command.data;
  if (state.status !== 'none') {
    throw new DomainError('license.already_issued', `License ${licenseId} has already been issued.`);
  }
  if (application.status !== 'approved') {
    throw new DomainError(
      'license.application_not_approved',
      `Application ${application.applicationId} is ${application.status}; a license is issued only for an approved application.`,
      { status: application.status },
    );
  }
  requireValidity(application.licenseType, validFrom, validUntil);
  return [
    {
      type: 'LicenseIssued',
      schemaVersion: 1,
      data: {
        licenseId,
        applicationId: application.applicationId,
        exporterId: application.exporterId,
        licenseType: application.licenseType,
        items: application.items,
        endUsers: application.endUsers,
        validFrom,
        validUntil,
        issuedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

/** What an amendment may change; `AmendLicense` and an approved amendment request carry the same. */
export interface LicenseChanges {
  readonly validUntil?: LegalDate | undefined;
  readonly endUsers?: readonly Party[] | undefined;
  readonly quantities?: readonly LineQuantity[] | undefined;
}

function amendedLines(lines: readonly LicenseLine[], quantities: readonly LineQuantity[]): LicenseLine[] {
  const result = [...lines];
  for (const { lineId, quantity } of quantities) {
    const index = result.findIndex((line) => line.item.lineId === lineId);
    const line = result[index];
    if (line === undefined) {
      throw new DomainError('license.unknown_line', `The license has no line ${lineId}.`, { lineId });
    }
    if (quantity < line.shipped) {
      throw new DomainError(
        'license.quantity_below_shipped',
        `Line ${lineId}: ${line.shipped} ${line.item.quantity.unit} have already shipped, so the licensed quantity cannot drop to ${quantity}.`,
        { lineId, shipped: line.shipped, requested: quantity },
      );
    }
    result[index] = {
      ...line,
      item: { ...line.item, quantity: { ...line.item.quantity, amount: roundQuantity(quantity) } },
    };
  }
  return result;
}

/**
 * The events that amend a live license with `changes` on `today`, or the
 * refusal: nothing to change, a validity too long or already past, an
 * unknown line, a quantity below what has shipped. The same rules for an
 * officer's amendment and an approved request, checked again at approval.
 */
export function amendmentEvents(
  live: Extract<LicenseState, { status: 'active' | 'suspended' }>,
  changes: LicenseChanges,
  reason: string,
  today: LegalDate,
  amendmentRequestId?: string,
): LicenseEvent[] {
  const { license } = live;
  refuseIfExpiredByDate(live, today, 'amend a license');
  const { validUntil, endUsers, quantities } = changes;
  if (validUntil === undefined && endUsers === undefined && quantities === undefined) {
    throw new DomainError(
      'license.amendment_empty',
      'The amendment changes nothing: give a new validUntil, end users or quantities.',
    );
  }
  const newValidUntil = validUntil ?? license.validUntil;
  requireValidity(license.licenseType, license.validFrom, newValidUntil);
  if (newValidUntil < today) {
    throw new DomainError(
      'license.validity_in_past',
      `The license cannot be cut back to end on ${newValidUntil}, which has passed. Revoke it instead.`,
    );
  }
  const lines = amendedLines(license.lines, quantities ?? []);
  const events: LicenseEvent[] = [
    {
      type: 'LicenseAmended',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        reason,
        amendedOn: today,
        validUntil: newValidUntil,
        endUsers: [...(endUsers ?? license.endUsers)],
        licensed: lines.map((line) => ({ lineId: line.item.lineId, quantity: line.item.quantity.amount })),
        remaining: remainingQuantities(lines),
        ...(amendmentRequestId === undefined ? {} : { amendmentRequestId }),
      },
    },
  ];
  if (isUsedUp(license, lines)) {
    events.push({
      type: 'LicenseExhausted',
      schemaVersion: 1,
      data: { licenseId: license.licenseId, exhaustedOn: today },
    });
  }
  return events;
}

export function amend(command: AmendLicense, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'amend a license');
  const live = requireLive(state, 'amend a license');
  const { reason, ...changes } = command.data;
  return amendmentEvents(live, changes, reason, legalDateAt(command.metadata.occurredAt));
}
