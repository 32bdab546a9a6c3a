import type { ContractMessage, LineQuantity } from '@licensing/contracts';
import { assertNever, type LicenseEvent, type LineQuantity as DomainLineQuantity } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { envelopeOf } from './envelope-of';
import { licenseLines, partyRefs, type RelayLicenseState } from './license-state-fold';
import { MappingError } from './mapping-error';

/** Domain quantities carry no unit; the public ones take it from the license line. */
function withUnits(
  event: RecordedEvent,
  after: RelayLicenseState,
  quantities: readonly DomainLineQuantity[],
): LineQuantity[] {
  return quantities.map(({ lineId, quantity }) => {
    const line = after.license.license.lines.find((l) => l.item.lineId === lineId);
    if (line === undefined)
      throw new MappingError(event, `line ${lineId} is not on license ${after.license.license.licenseId}`);
    return { lineId, quantity: { amount: quantity, unit: line.item.quantity.unit } };
  });
}

/**
 * A license event with public meaning maps to exactly one message; the
 * steps of an amendment request (requested, reviewer assigned, reviewed,
 * approved, rejected) are internal workflow, like an application's review,
 * and map to none (null): downstream sees the amendment an approval applies,
 * as `license.amended`. `after` is the license state with this event folded in.
 */
export function mapLicenseEvent(
  event: RecordedEvent,
  domainEvent: LicenseEvent,
  after: RelayLicenseState,
): ContractMessage | null {
  const licenseId = domainEvent.data.licenseId;
  const envelope = envelopeOf(event, 'license', licenseId);
  switch (domainEvent.type) {
    case 'LicenseIssued': {
      const { applicationId, exporterId, licenseType, validFrom, validUntil, issuedOn, endUsers } = domainEvent.data;
      const lines = licenseLines(after.license.license);
      return {
        ...envelope,
        type: 'license.issued',
        data: {
          licenseId,
          applicationId,
          exporterId,
          licenseType,
          validFrom,
          validUntil,
          issuedOn,
          lines,
          endUsers: partyRefs(endUsers),
        },
      };
    }
    case 'ShipmentRecorded': {
      const { shipmentId, shippedOn, customsDeclarationRef, lines, remaining } = domainEvent.data;
      return {
        ...envelope,
        type: 'license.shipment-recorded',
        data: {
          licenseId,
          shipmentId,
          shippedOn,
          customsDeclarationRef,
          shipped: withUnits(event, after, lines),
          remaining: withUnits(event, after, remaining),
        },
      };
    }
    case 'ShipmentCorrected': {
      const { shipmentId, correctedOn, customsDeclarationRef, reason, lines, previousLines, remaining } =
        domainEvent.data;
      return {
        ...envelope,
        type: 'license.shipment-corrected',
        data: {
          licenseId,
          shipmentId,
          correctedOn,
          customsDeclarationRef,
          reason,
          shipped: withUnits(event, after, lines),
          previouslyShipped: withUnits(event, after, previousLines),
          remaining: withUnits(event, after, remaining),
        },
      };
    }
    case 'ShipmentCancelled': {
      const { shipmentId, cancelledOn, customsDeclarationRef, reason, restored, remaining } = domainEvent.data;
      return {
        ...envelope,
        type: 'license.shipment-cancelled',
        data: {
          licenseId,
          shipmentId,
          cancelledOn,
          customsDeclarationRef,
          reason,
          restored: withUnits(event, after, restored),
          remaining: withUnits(event, after, remaining),
        },
      };
    }
    case 'AmendmentRequested':
    case 'AmendmentReviewerAssigned':
    case 'AmendmentReviewCompleted':
    case 'AmendmentApproved':
    case 'AmendmentRejected':
      return null;
    case 'LicenseExhausted':
      return { ...envelope, type: 'license.exhausted', data: { licenseId, exhaustedOn: domainEvent.data.exhaustedOn } };
    case 'LicenseAmended': {
      const { amendedOn, reason, validUntil, endUsers } = domainEvent.data;
      const lines = licenseLines(after.license.license);
      return {
        ...envelope,
        type: 'license.amended',
        data: { licenseId, amendedOn, reason, validUntil, lines, endUsers: partyRefs(endUsers) },
      };
    }
    case 'LicenseSuspended': {
      const { reason, suspendedOn, until } = domainEvent.data;
      return { ...envelope, type: 'license.suspended', data: { licenseId, reason, suspendedOn, until } };
    }
    case 'LicenseReinstated': {
      const { reinstatedOn, reason } = domainEvent.data;
      return { ...envelope, type: 'license.reinstated', data: { licenseId, reinstatedOn, reason: reason || null } };
    }
    case 'LicenseRevoked': {
      const { reason, revokedOn } = domainEvent.data;
      return { ...envelope, type: 'license.revoked', data: { licenseId, reason, revokedOn } };
    }
    case 'LicenseExpired': {
      const { validUntil, expiredOn } = domainEvent.data;
      return { ...envelope, type: 'license.expired', data: { licenseId, validUntil, expiredOn } };
    }
    default:
      return assertNever(domainEvent, 'license event');
  }
}
