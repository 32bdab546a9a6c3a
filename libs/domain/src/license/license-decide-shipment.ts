import { assertNever } from '../shared/decider';
import { legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { DomainError } from '../shared/errors';
import { RecordShipment } from './license-commands';
import { LicenseEvent } from './license-events';
import { refuseIfExpiredByDate, requireIssued } from './license-guards';
import { LicenseLine, LicenseState } from './license-state';
import { isUsedUp, remainingOf, remainingQuantities, roundQuantity, suspensionInEffect } from './license-status';

function refuseTerminal(state: ReturnType<typeof requireIssued>): void {
  const { licenseId } = state.license;
  switch (state.status) {
    case 'revoked':
      throw new DomainError(
        'license.revoked',
        `License ${licenseId} was revoked on ${state.revokedOn}: ${state.reason}. No shipment may use it.`,
      );
    case 'exhausted':
      throw new DomainError(
        'license.exhausted',
        `License ${licenseId} was used up on ${state.exhaustedOn}. Apply for a new license.`,
      );
    case 'expired':
      throw new DomainError(
        'license.expired',
        `License ${licenseId} expired on ${state.expiredOn}. Apply for a new license.`,
      );
    case 'active':
    case 'suspended':
      return;
    default:
      return assertNever(state, 'license state');
  }
}

/** Sums the shipment per line so one line listed twice cannot slip past the limit. */
function requestedPerLine(command: RecordShipment): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { lineId, quantity } of command.data.lines) {
    totals.set(lineId, roundQuantity((totals.get(lineId) ?? 0) + quantity));
  }
  return totals;
}

export function recordShipment(command: RecordShipment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'record a shipment');
  const current = requireIssued(state, 'record a shipment');
  const { license } = current;
  const { shipmentId, customsDeclarationRef } = command.data;
  if (license.shipmentIds.includes(shipmentId)) {
    throw new DomainError(
      'license.duplicate_shipment',
      `Shipment ${shipmentId} is already recorded against license ${license.licenseId}.`,
    );
  }
  refuseTerminal(current);
  const today = legalDateAt(command.metadata.occurredAt);
  if (today < license.validFrom) {
    throw new DomainError(
      'license.not_yet_valid',
      `License ${license.licenseId} is valid from ${license.validFrom}; nothing may ship under it on ${today}.`,
    );
  }
  refuseIfExpiredByDate(current, today, 'record a shipment');
  if (current.status === 'suspended' && suspensionInEffect(current.suspension, today)) {
    const until = current.suspension.until === null ? 'until reinstated' : `until ${current.suspension.until}`;
    throw new DomainError(
      'license.suspended',
      `License ${license.licenseId} is suspended ${until} (${current.suspension.reason}). No shipment may use it meanwhile.`,
    );
  }
  const requested = requestedPerLine(command);
  const lines: LicenseLine[] = [...license.lines];
  for (const [lineId, quantity] of requested) {
    const index = lines.findIndex((line) => line.item.lineId === lineId);
    const line = lines[index];
    if (line === undefined) {
      throw new DomainError(
        'license.unknown_line',
        `License ${license.licenseId} has no line ${lineId}; its lines are ${license.lines.map((l) => l.item.lineId).join(', ')}.`,
        { lineId },
      );
    }
    const remaining = remainingOf(line);
    if (quantity > remaining) {
      const unit = line.item.quantity.unit;
      throw new DomainError(
        'license.quantity_exceeded',
        `Line ${lineId}: ${remaining} ${unit} remain on license ${license.licenseId}, but ${quantity} ${unit} were requested.`,
        { lineId, remaining, requested: quantity, unit },
      );
    }
    lines[index] = { ...line, shipped: roundQuantity(line.shipped + quantity) };
  }
  const events: LicenseEvent[] = [
    {
      type: 'ShipmentRecorded',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        shipmentId,
        lines: command.data.lines,
        shippedOn: today,
        customsDeclarationRef,
        remaining: remainingQuantities(lines),
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
