import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { Item, Party } from '../shared/items';
import { LicenseType } from '../application/application-content';
import { LicenseEvent, LineQuantity } from './license-events';

/** A licensed item line: `item.quantity.amount` is the licensed quantity. */
export interface LicenseLine {
  readonly item: Item;
  readonly shipped: number;
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
        },
      };
    }
    case 'ShipmentRecorded':
      return withLicense(state, (license) => ({
        ...license,
        shipmentIds: [...license.shipmentIds, event.data.shipmentId],
        lines: license.lines.map((line) => {
          const shipped = event.data.lines
            .filter((l) => l.lineId === line.item.lineId)
            .reduce((sum, l) => sum + l.quantity, 0);
          return { ...line, shipped: roundQuantity(line.shipped + shipped) };
        }),
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
