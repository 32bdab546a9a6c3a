import { Item, Party } from '../shared/items';
import { LicenseType } from '../application/application-content';
import { anItem, aParty } from '../application/fixtures';
import { ApplicationFactsForLicense } from './license-commands';
import { LicenseEvent, LineQuantity } from './license-events';

export const LICENSE_ID = 'lic-1';

/** Two lines: 100 kg of samarium magnets and 40 kg of terbium oxide. */
export const licensedItems: Item[] = [
  anItem(),
  anItem({
    lineId: '2',
    controlCode: '1C904.b',
    element: 'terbium',
    form: 'oxide',
    description: 'Terbium oxide 99.99 %',
    quantity: { amount: 40, unit: 'kg' },
  }),
];

export const endUsers: Party[] = [aParty()];

export function approvedApplicationFacts(
  overrides: Partial<ApplicationFactsForLicense> = {},
): ApplicationFactsForLicense {
  return {
    applicationId: 'app-1',
    exporterId: 'exp-1',
    status: 'approved',
    licenseType: 'individual',
    items: licensedItems,
    endUsers,
    ...overrides,
  };
}

/** An individual license valid for calendar year 2026, issued on 2025-12-20. */
export function issued(licenseType: LicenseType = 'individual', validUntil = '2026-12-31'): LicenseEvent {
  return {
    type: 'LicenseIssued',
    schemaVersion: 1,
    data: {
      licenseId: LICENSE_ID,
      applicationId: 'app-1',
      exporterId: 'exp-1',
      licenseType,
      items: licensedItems,
      endUsers,
      validFrom: '2026-01-01',
      validUntil,
      issuedOn: '2025-12-20',
    },
  };
}

export function shipped(
  shipmentId: string,
  lines: LineQuantity[],
  remaining: LineQuantity[],
  shippedOn = '2026-02-01',
): LicenseEvent {
  return {
    type: 'ShipmentRecorded',
    schemaVersion: 1,
    data: { licenseId: LICENSE_ID, shipmentId, lines, shippedOn, customsDeclarationRef: `CD-${shipmentId}`, remaining },
  };
}

export function suspended(suspendedOn = '2026-03-01', until: string | null = null): LicenseEvent {
  return {
    type: 'LicenseSuspended',
    schemaVersion: 1,
    data: { licenseId: LICENSE_ID, reason: 'End user under investigation', suspendedOn, until },
  };
}

export const revoked: LicenseEvent = {
  type: 'LicenseRevoked',
  schemaVersion: 1,
  data: { licenseId: LICENSE_ID, reason: 'Diversion to a listed party', revokedOn: '2026-04-01' },
};

export const exhausted = (exhaustedOn = '2026-02-01'): LicenseEvent => ({
  type: 'LicenseExhausted',
  schemaVersion: 1,
  data: { licenseId: LICENSE_ID, exhaustedOn },
});

export const expired: LicenseEvent = {
  type: 'LicenseExpired',
  schemaVersion: 1,
  data: { licenseId: LICENSE_ID, validUntil: '2026-12-31', expiredOn: '2027-01-01', recordedOn: '2027-01-01' },
};

export const AMENDMENT_REQUEST_ID = 'amd-1';

/** An exporter asks for 150 kg on line 1 and validity until 2026-12-31 (unchanged end). */
export const requestedChanges = { quantities: [{ lineId: '1', quantity: 150 }] };

export const amendmentRequested = (
  changes: Record<string, unknown> = requestedChanges,
  requestedOn = '2026-03-01',
  amendmentRequestId = AMENDMENT_REQUEST_ID,
): LicenseEvent => ({
  type: 'AmendmentRequested',
  schemaVersion: 1,
  data: {
    licenseId: LICENSE_ID,
    amendmentRequestId,
    requestedBy: 'user-exporter-1',
    requestedOn,
    reason: 'Contract volume increased',
    changes,
  },
});

export const amendmentReviewerAssigned = (reviewerId = 'reviewer-1'): LicenseEvent => ({
  type: 'AmendmentReviewerAssigned',
  schemaVersion: 1,
  data: { licenseId: LICENSE_ID, amendmentRequestId: AMENDMENT_REQUEST_ID, reviewerId, assignedOn: '2026-03-02' },
});

export const amendmentReviewed = (reviewerId = 'reviewer-1'): LicenseEvent => ({
  type: 'AmendmentReviewCompleted',
  schemaVersion: 1,
  data: {
    licenseId: LICENSE_ID,
    amendmentRequestId: AMENDMENT_REQUEST_ID,
    reviewerId,
    recommendation: 'approve',
    notes: 'Contract seen',
    completedOn: '2026-03-03',
  },
});

/** Issued, asked for, assigned to reviewer-1 and reviewed: waiting for an officer's decision. */
export const reviewedAmendmentHistory = (): LicenseEvent[] => [
  issued(),
  amendmentRequested(),
  amendmentReviewerAssigned(),
  amendmentReviewed(),
];
