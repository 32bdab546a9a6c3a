import { randomUUID } from 'node:crypto';
import { at, type DecidedEvent } from './decided-events';

/**
 * A license of two lines (the second of a control code and element no
 * generated case has) and two end users, with a shipment on each line and
 * one on the second line that was cancelled: a shipment's terms are those
 * of the lines it draws on, the destinations the license's.
 */
export function twoLineLicense(): DecidedEvent[] {
  const licenseId = 'lic-two-lines';
  const line = (lineId: string, controlCode: string, element: string) => ({
    lineId,
    controlCode,
    element,
    form: 'oxide',
    description: `${element} oxide`,
    quantity: { amount: 100, unit: 'kg' },
    value: { amount: 1000, currency: 'USD' },
  });
  const party = (name: string, country: string) => ({
    name,
    country,
    militaryUser: false,
    listed: false,
    ownedByListedPartiesPercent: 0,
  });
  const event = (type: string, data: Record<string, unknown>, on: string): DecidedEvent => ({
    streamId: `license-${licenseId}`,
    id: randomUUID(),
    type,
    version: 1,
    data: { licenseId, ...data },
    metadata: {
      actor: 'exp-two',
      role: 'exporter',
      commandId: type,
      correlationId: type,
      causationId: type,
      occurredAt: at(on),
      recordedAt: at(on),
    },
  });
  const shipment = (shipmentId: string, lineId: string) =>
    event(
      'ShipmentRecorded',
      {
        shipmentId,
        lines: [{ lineId, quantity: 10 }],
        shippedOn: '2026-04-01',
        customsDeclarationRef: `CD-TWO-${shipmentId}`,
        remaining: [],
      },
      '2026-04-01',
    );
  return [
    event(
      'LicenseIssued',
      {
        applicationId: 'app-two-lines',
        exporterId: 'exp-two',
        licenseType: 'individual',
        items: [line('1', '1C902.a', 'samarium'), line('2', '1C999', 'Holmium')],
        endUsers: [party('Motoren AG', 'DE'), party('Imanes SA', 'BR')],
        validFrom: '2026-03-01',
        validUntil: '2026-12-31',
        issuedOn: '2026-02-27',
      },
      '2026-02-27',
    ),
    shipment('on-line-1', '1'),
    shipment('on-line-2', '2'),
    shipment('cancelled-on-line-2', '2'),
    event(
      'ShipmentCancelled',
      {
        shipmentId: 'cancelled-on-line-2',
        restored: [{ lineId: '2', quantity: 10 }],
        reason: 'Never left',
        cancelledOn: '2026-04-02',
        customsDeclarationRef: 'CD-TWO-cancelled-on-line-2',
        remaining: [],
      },
      '2026-04-02',
    ),
  ];
}
