import { legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { ConflictError, DomainError, NotFoundError } from '../shared/errors';
import { CancelShipment, CorrectShipment } from './license-commands';
import { LicenseEvent, LineQuantity } from './license-events';
import { requireIssued } from './license-guards';
import { IssuedLicenseState, LicenseLine, LicenseRecord, LicenseState, RecordedShipment } from './license-state';
import { isUsedUp, remainingOf, remainingQuantities, roundQuantity } from './license-status';

/*
 * A shipment already recorded is history: correcting or cancelling it fixes
 * the record of what left, it ships nothing new. So it stays possible on a
 * license that is suspended, expired or used up since (customs corrections
 * come after the fact), and quantities come back to it. A revoked license is
 * the exception: revocation froze its record as the evidence of the
 * revocation, and a change to it is the ministry's, outside this workflow.
 */

function requireCorrectable(state: IssuedLicenseState, action: string): void {
  if (state.status === 'revoked') {
    throw new DomainError(
      'license.revoked',
      `License ${state.license.licenseId} was revoked on ${state.revokedOn}; its shipments can no longer be ${action}.`,
    );
  }
}

function requireRecordedShipment(license: LicenseRecord, shipmentId: string, action: string): RecordedShipment {
  const shipment = license.shipments.find((s) => s.shipmentId === shipmentId);
  if (shipment === undefined) {
    throw new NotFoundError(
      'license.unknown_shipment',
      `No shipment ${shipmentId} is recorded against license ${license.licenseId}; nothing can be ${action}.`,
      { shipmentId },
    );
  }
  if (shipment.status === 'cancelled') {
    throw new ConflictError(
      'license.shipment_cancelled',
      `Shipment ${shipmentId} was cancelled; a cancelled shipment can be neither corrected nor cancelled again.`,
      { shipmentId },
    );
  }
  return shipment;
}

function totalsPerLine(lines: readonly LineQuantity[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { lineId, quantity } of lines) totals.set(lineId, roundQuantity((totals.get(lineId) ?? 0) + quantity));
  return totals;
}

/** The license's lines with the shipment's quantities replaced by `corrected`; refuses what exceeds a line. */
function linesAfterCorrection(
  license: LicenseRecord,
  shipment: RecordedShipment,
  corrected: ReadonlyMap<string, number>,
): LicenseLine[] {
  const before = totalsPerLine(shipment.lines);
  for (const lineId of corrected.keys()) {
    if (!license.lines.some((line) => line.item.lineId === lineId)) {
      throw new DomainError(
        'license.unknown_line',
        `License ${license.licenseId} has no line ${lineId}; its lines are ${license.lines.map((l) => l.item.lineId).join(', ')}.`,
        { lineId },
      );
    }
  }
  return license.lines.map((line) => {
    const { lineId } = line.item;
    const shipped = roundQuantity(line.shipped - (before.get(lineId) ?? 0) + (corrected.get(lineId) ?? 0));
    const after = { ...line, shipped };
    if (remainingOf(after) < 0) {
      const unit = line.item.quantity.unit;
      const available = roundQuantity(remainingOf(line) + (before.get(lineId) ?? 0));
      throw new DomainError(
        'license.quantity_exceeded',
        `Line ${lineId}: the corrected shipment would ship ${corrected.get(lineId)} ${unit}, but only ${available} ${unit} are licensed for it besides the other shipments of license ${license.licenseId}.`,
        { lineId, remaining: available, requested: corrected.get(lineId), unit },
      );
    }
    return after;
  });
}

function sameLines(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  const ids = new Set([...a.keys(), ...b.keys()]);
  return [...ids].every((id) => (a.get(id) ?? 0) === (b.get(id) ?? 0));
}

export function correctShipment(command: CorrectShipment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'correct a shipment');
  const current = requireIssued(state, 'correct a shipment');
  requireCorrectable(current, 'corrected');
  const { license } = current;
  const { shipmentId, lines, reason } = command.data;
  const shipment = requireRecordedShipment(license, shipmentId, 'corrected');
  const corrected = totalsPerLine(lines);
  if ([...corrected.values()].every((quantity) => quantity === 0)) {
    throw new DomainError(
      'license.correction_ships_nothing',
      `The correction ships nothing under shipment ${shipmentId}; cancel the shipment instead.`,
    );
  }
  if (sameLines(corrected, totalsPerLine(shipment.lines))) {
    throw new DomainError(
      'license.correction_changes_nothing',
      `Shipment ${shipmentId} already records these quantities; there is nothing to correct.`,
    );
  }
  const after = linesAfterCorrection(license, shipment, corrected);
  const today = legalDateAt(command.metadata.occurredAt);
  const events: LicenseEvent[] = [
    {
      type: 'ShipmentCorrected',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        shipmentId,
        lines: [...corrected]
          .filter(([, quantity]) => quantity > 0)
          .map(([lineId, quantity]) => ({ lineId, quantity })),
        previousLines: [...shipment.lines],
        reason,
        correctedOn: today,
        customsDeclarationRef: shipment.customsDeclarationRef,
        remaining: remainingQuantities(after),
      },
    },
  ];
  // Used up by the correction: the same event a shipment that uses it up records.
  if ((current.status === 'active' || current.status === 'suspended') && isUsedUp(license, after)) {
    events.push({
      type: 'LicenseExhausted',
      schemaVersion: 1,
      data: { licenseId: license.licenseId, exhaustedOn: today },
    });
  }
  return events;
}

export function cancelShipment(command: CancelShipment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'cancel a shipment');
  const current = requireIssued(state, 'cancel a shipment');
  requireCorrectable(current, 'cancelled');
  const { license } = current;
  const { shipmentId, reason } = command.data;
  const shipment = requireRecordedShipment(license, shipmentId, 'cancelled');
  const after = linesAfterCorrection(license, shipment, new Map());
  return [
    {
      type: 'ShipmentCancelled',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        shipmentId,
        restored: [...shipment.lines],
        reason,
        cancelledOn: legalDateAt(command.metadata.occurredAt),
        customsDeclarationRef: shipment.customsDeclarationRef,
        remaining: remainingQuantities(after),
      },
    },
  ];
}
