import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { Item, Party } from '../shared/items';
import { LicenseType } from '../application/application-content';
import { AmendmentRequest, evolveAmendmentRequests } from './license-amendment-state';
import { LicenseEvent, LineQuantity } from './license-events';

/** A licensed item line: `item.quantity.amount` is the licensed quantity. */
export interface LicenseLine {
  readonly item: Item;
  readonly shipped: number;
}

/** A shipment as the license records it: its lines as last corrected, and whether it was cancelled. */
export interface RecordedShipment {
  readonly shipmentId: string;
  readonly shippedOn: LegalDate;
  readonly customsDeclarationRef: string;
  readonly lines: readonly LineQuantity[];
  readonly status: 'recorded' | 'corrected' | 'cancelled';
}

export interface Suspension {
  readonly reason: string;
  readonly suspendedOn: LegalDate;
  readonly until: LegalDate | null;
}

export interface LicenseRecord {
  readonly licenseId: string;
  readonly applicationId: string;
  readonly exporterId: string;
  readonly licenseType: LicenseType;
  readonly lines: readonly LicenseLine[];
  readonly endUsers: readonly Party[];
  readonly validFrom: LegalDate;
  readonly validUntil: LegalDate;
  readonly shipmentIds: readonly string[];
  readonly shipments: readonly RecordedShipment[];
  readonly amendmentRequests: readonly AmendmentRequest[];
}

/**
 * `suspended` is the recorded status: a suspension with an `until` date
 * lapses by itself, so ask `licenseStatusOn` what holds on a given date.
 */
export type LicenseState =
  | { readonly status: 'none' }
  | { readonly status: 'active'; readonly license: LicenseRecord }
  | { readonly status: 'suspended'; readonly license: LicenseRecord; readonly suspension: Suspension }
  | { readonly status: 'exhausted'; readonly license: LicenseRecord; readonly exhaustedOn: LegalDate }
  | {
      readonly status: 'revoked';
      readonly license: LicenseRecord;
      readonly revokedOn: LegalDate;
      readonly reason: string;
    }
  | { readonly status: 'expired'; readonly license: LicenseRecord; readonly expiredOn: LegalDate };

export type IssuedLicenseState = Exclude<LicenseState, { status: 'none' }>;

export const initialLicenseState: LicenseState = { status: 'none' };

function issued(state: LicenseState): IssuedLicenseState {
  if (state.status === 'none') throw new Error('License event applied before the license was issued');
  return state;
}

function withLicense(state: LicenseState, change: (license: LicenseRecord) => LicenseRecord): LicenseState {
  const current = issued(state);
  return { ...current, license: change(current.license) };
}

function quantityOf(quantities: readonly LineQuantity[], lineId: string): number | undefined {
  return quantities.find((q) => q.lineId === lineId)?.quantity;
}

/** Same rounding as license-status, kept here so state does not import its readers. */
function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Each line's shipped quantity moved by `delta` (negative gives quantity back). */
function shiftShipped(lines: readonly LicenseLine[], delta: ReadonlyMap<string, number>): LicenseLine[] {
  return lines.map((line) => ({
    ...line,
    shipped: roundQuantity(line.shipped + (delta.get(line.item.lineId) ?? 0)),
  }));
}

function sumsPerLine(lines: readonly LineQuantity[], sign: 1 | -1, into = new Map<string, number>()) {
  for (const { lineId, quantity } of lines) into.set(lineId, (into.get(lineId) ?? 0) + sign * quantity);
  return into;
}

function shipmentOf(license: LicenseRecord, shipmentId: string): RecordedShipment {
  const shipment = license.shipments.find((s) => s.shipmentId === shipmentId);
  if (shipment === undefined) throw new Error(`Shipment ${shipmentId} changed before it was recorded`);
  return shipment;
}

/**
 * A correction or a cancellation rewrites one shipment and the quantities
 * shipped; an individual license used up before it is open again once
 * something remains (the contract's `exhausted` is final only for what
 * truly shipped).
 */
function reviseShipment(
  state: LicenseState,
  shipmentId: string,
  lines: readonly LineQuantity[],
  status: RecordedShipment['status'],
): LicenseState {
  const current = issued(state);
  const { license } = current;
  const before = shipmentOf(license, shipmentId);
  const delta = sumsPerLine(lines, 1, sumsPerLine(before.lines, -1));
  const revised: LicenseRecord = {
    ...license,
    lines: shiftShipped(license.lines, delta),
    shipments: license.shipments.map((s) => (s.shipmentId === shipmentId ? { ...s, lines, status } : s)),
  };
  const usedUp =
    revised.licenseType === 'individual' &&
    revised.lines.every((line) => roundQuantity(line.item.quantity.amount - line.shipped) <= 0);
  if (current.status === 'exhausted' && !usedUp) return { status: 'active', license: revised };
  return { ...current, license: revised };
}

export function evolveLicense(state: LicenseState, event: LicenseEvent): LicenseState {
  switch (event.type) {
    case 'LicenseIssued': {
      const { licenseId, applicationId, exporterId, licenseType, items, endUsers, validFrom, validUntil } = event.data;
      const lines = items.map((item) => ({ item, shipped: 0 }));
      return {
        status: 'active',
        license: {
          licenseId,
          applicationId,
          exporterId,
          licenseType,
          lines,
          endUsers,
          validFrom,
          validUntil,
          shipmentIds: [],
          shipments: [],
          amendmentRequests: [],
        },
      };
    }
    case 'ShipmentRecorded': {
      const { shipmentId, shippedOn, customsDeclarationRef, lines } = event.data;
      return withLicense(state, (license) => ({
        ...license,
        shipmentIds: [...license.shipmentIds, shipmentId],
        shipments: [...license.shipments, { shipmentId, shippedOn, customsDeclarationRef, lines, status: 'recorded' }],
        lines: license.lines.map((line) => {
          const shipped = event.data.lines
            .filter((l) => l.lineId === line.item.lineId)
            .reduce((sum, l) => sum + l.quantity, 0);
          return { ...line, shipped: roundQuantity(line.shipped + shipped) };
        }),
      }));
    }
    case 'ShipmentCorrected':
      return reviseShipment(state, event.data.shipmentId, event.data.lines, 'corrected');
    case 'ShipmentCancelled':
      return reviseShipment(state, event.data.shipmentId, [], 'cancelled');
    case 'AmendmentRequested':
    case 'AmendmentReviewerAssigned':
    case 'AmendmentReviewCompleted':
    case 'AmendmentApproved':
    case 'AmendmentRejected':
      return withLicense(state, (license) => ({
        ...license,
        amendmentRequests: evolveAmendmentRequests(license.amendmentRequests, event),
      }));
    case 'LicenseExhausted':
      return { status: 'exhausted', license: issued(state).license, exhaustedOn: event.data.exhaustedOn };
    case 'LicenseAmended':
      return withLicense(state, (license) => ({
        ...license,
        validUntil: event.data.validUntil,
        endUsers: event.data.endUsers,
        lines: license.lines.map((line) => {
          const amount = quantityOf(event.data.licensed, line.item.lineId) ?? line.item.quantity.amount;
          return { ...line, item: { ...line.item, quantity: { ...line.item.quantity, amount } } };
        }),
      }));
    case 'LicenseSuspended': {
      const { reason, suspendedOn, until } = event.data;
      return { status: 'suspended', license: issued(state).license, suspension: { reason, suspendedOn, until } };
    }
    case 'LicenseReinstated':
      return { status: 'active', license: issued(state).license };
    case 'LicenseRevoked':
      return {
        status: 'revoked',
        license: issued(state).license,
        revokedOn: event.data.revokedOn,
        reason: event.data.reason,
      };
    case 'LicenseExpired':
      return { status: 'expired', license: issued(state).license, expiredOn: event.data.expiredOn };
    default:
      return assertNever(event, 'license event');
  }
}
