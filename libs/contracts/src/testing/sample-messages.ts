import type { ContractMessageOf, ContractMessageType } from '../integration-event';

const envelope = <Kind extends 'license' | 'application' | 'control-measure'>(
  eventId: string,
  kind: Kind,
  id: string,
  position: number,
) => ({
  eventId,
  subject: { kind, id },
  occurredAt: '2026-01-21T02:00:00.000Z',
  recordedAt: '2026-01-21T02:00:01.000Z',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  sourcePosition: String(position),
  version: 1 as const,
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const lines = [
  {
    lineId: '1',
    controlCode: '1C902.a',
    element: 'samarium',
    form: 'magnet_material',
    description: 'Sm-Co permanent magnet blocks',
    hsCode: '8505111000',
    authorised: { amount: 100, unit: 'kg' },
    remaining: { amount: 70, unit: 'kg' },
  },
];
const endUsers = [{ name: 'Stuttgart Motors GmbH', country: 'DE' }];

/**
 * One valid example of every message type, for consumer tests and docs.
 * Each has its own event id; all license messages concern `lic-1`.
 */
export function sampleContractMessages(): { [Type in ContractMessageType]: ContractMessageOf<Type> } {
  return {
    'application.submitted': {
      ...envelope(uuid(1), 'application', 'app-1', 10),
      type: 'application.submitted',
      data: { applicationId: 'app-1', exporterId: 'exp-1', licenseType: 'individual', submittedOn: '2026-01-06' },
    },
    'application.decided': {
      ...envelope(uuid(2), 'application', 'app-1', 11),
      type: 'application.decided',
      data: {
        outcome: 'approved',
        applicationId: 'app-1',
        exporterId: 'exp-1',
        decidedOn: '2026-01-20',
        decidedBy: 'officer-2',
        reasons: ['1C902.a is controlled by No. 18 of 2025'],
        licenseType: 'individual',
        basis: {
          verdict: 'license_required',
          policyValidOn: '2026-01-20',
          policyKnownAt: '2026-01-20T02:00:00.000Z',
          measuresApplied: [{ measureId: 'no-18-2025', version: 1 }],
        },
      },
    },
    'license.issued': {
      ...envelope(uuid(3), 'license', 'lic-1', 12),
      type: 'license.issued',
      data: {
        licenseId: 'lic-1',
        applicationId: 'app-1',
        exporterId: 'exp-1',
        licenseType: 'individual',
        validFrom: '2026-01-21',
        validUntil: '2026-06-30',
        issuedOn: '2026-01-21',
        lines: lines.map((line) => ({ ...line, remaining: line.authorised })),
        endUsers,
      },
    },
    'license.amended': {
      ...envelope(uuid(4), 'license', 'lic-1', 13),
      type: 'license.amended',
      data: {
        licenseId: 'lic-1',
        amendedOn: '2026-02-10',
        reason: 'Contract extended',
        validUntil: '2026-09-30',
        lines,
        endUsers,
      },
    },
    'license.suspended': {
      ...envelope(uuid(5), 'license', 'lic-1', 14),
      type: 'license.suspended',
      data: {
        licenseId: 'lic-1',
        reason: 'End user under investigation',
        suspendedOn: '2026-03-02',
        until: '2026-04-01',
      },
    },
    'license.reinstated': {
      ...envelope(uuid(6), 'license', 'lic-1', 15),
      type: 'license.reinstated',
      data: { licenseId: 'lic-1', reinstatedOn: '2026-03-20', reason: null },
    },
    'license.revoked': {
      ...envelope(uuid(7), 'license', 'lic-1', 16),
      type: 'license.revoked',
      data: { licenseId: 'lic-1', reason: 'Diversion to a listed party', revokedOn: '2026-04-01' },
    },
    'license.expired': {
      ...envelope(uuid(8), 'license', 'lic-1', 17),
      type: 'license.expired',
      data: { licenseId: 'lic-1', validUntil: '2026-06-30', expiredOn: '2026-07-01' },
    },
    'license.exhausted': {
      ...envelope(uuid(9), 'license', 'lic-1', 18),
      type: 'license.exhausted',
      data: { licenseId: 'lic-1', exhaustedOn: '2026-05-01' },
    },
    'license.shipment-recorded': {
      ...envelope(uuid(10), 'license', 'lic-1', 19),
      type: 'license.shipment-recorded',
      data: {
        licenseId: 'lic-1',
        shipmentId: 'shp-1',
        shippedOn: '2026-02-01',
        customsDeclarationRef: 'CD-2026-0001',
        shipped: [{ lineId: '1', quantity: { amount: 30, unit: 'kg' } }],
        remaining: [{ lineId: '1', quantity: { amount: 70, unit: 'kg' } }],
      },
    },
    'license.shipment-corrected': {
      ...envelope(uuid(12), 'license', 'lic-1', 21),
      type: 'license.shipment-corrected',
      data: {
        licenseId: 'lic-1',
        shipmentId: 'shp-1',
        correctedOn: '2026-02-10',
        customsDeclarationRef: 'CD-2026-0001',
        reason: 'Customs weighed 25 kg',
        shipped: [{ lineId: '1', quantity: { amount: 25, unit: 'kg' } }],
        previouslyShipped: [{ lineId: '1', quantity: { amount: 30, unit: 'kg' } }],
        remaining: [{ lineId: '1', quantity: { amount: 75, unit: 'kg' } }],
      },
    },
    'license.shipment-cancelled': {
      ...envelope(uuid(13), 'license', 'lic-1', 22),
      type: 'license.shipment-cancelled',
      data: {
        licenseId: 'lic-1',
        shipmentId: 'shp-1',
        cancelledOn: '2026-02-11',
        customsDeclarationRef: 'CD-2026-0001',
        reason: 'The goods never left',
        restored: [{ lineId: '1', quantity: { amount: 25, unit: 'kg' } }],
        remaining: [{ lineId: '1', quantity: { amount: 100, unit: 'kg' } }],
      },
    },
    'control-measure.changed': {
      ...envelope(uuid(11), 'control-measure', 'no-61-2025', 20),
      type: 'control-measure.changed',
      data: {
        measureId: 'no-61-2025',
        announcementNumber: 'No. 61 of 2025',
        title: 'Export controls on rare-earth related items outside China',
        measureVersion: 2,
        change: {
          kind: 'suspended',
          orderedBy: 'no-70-2025',
          suspensionId: 'no-70-2025',
          from: '2025-11-10',
          until: '2026-11-10',
          provisionIds: null,
        },
      },
    },
    'license.state': {
      ...envelope(uuid(10), 'license', 'lic-1', 19),
      type: 'license.state',
      data: {
        licenseId: 'lic-1',
        applicationId: 'app-1',
        exporterId: 'exp-1',
        licenseType: 'individual',
        status: 'active',
        validFrom: '2026-01-21',
        validUntil: '2026-06-30',
        lines,
        endUsers,
        suspension: null,
        endedOn: null,
        lastEventId: uuid(10),
        lastPosition: '19',
        version: 1,
      },
    },
  };
}
