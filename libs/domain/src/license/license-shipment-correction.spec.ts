import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { fold } from '../shared/decider';
import { LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { LicenseEvent, LineQuantity } from './license-events';
import { exhausted, expired, issued, LICENSE_ID, revoked, shipped, suspended } from './license.fixtures';

const spec = deciderSpec(licenseDecider);

const correct = (shipmentId: string, lines: LineQuantity[], at = '2026-02-10', actor = 'exporter' as const) =>
  ({
    type: 'CorrectShipment',
    data: { licenseId: LICENSE_ID, shipmentId, lines, reason: 'Customs weighed the consignment' },
    metadata: meta({ at, actor }),
  }) satisfies LicenseCommand;

const cancel = (shipmentId: string, at = '2026-02-10') =>
  ({
    type: 'CancelShipment',
    data: { licenseId: LICENSE_ID, shipmentId, reason: 'The goods never left' },
    metadata: meta({ at, actor: 'licensing_officer' }),
  }) satisfies LicenseCommand;

const remaining = (line1: number, line2 = 40): LineQuantity[] => [
  { lineId: '1', quantity: line1 },
  { lineId: '2', quantity: line2 },
];

/** 30 kg of line 1 shipped as s1 with declaration CD-s1. */
const shippedThirty = shipped('s1', [{ lineId: '1', quantity: 30 }], remaining(70));

const corrected = (
  lines: LineQuantity[],
  previousLines: LineQuantity[],
  left: LineQuantity[],
  correctedOn = '2026-02-10',
): LicenseEvent => ({
  type: 'ShipmentCorrected',
  schemaVersion: 1,
  data: {
    licenseId: LICENSE_ID,
    shipmentId: 's1',
    lines,
    previousLines,
    reason: 'Customs weighed the consignment',
    correctedOn,
    customsDeclarationRef: 'CD-s1',
    remaining: left,
  },
});

const cancelled = (restored: LineQuantity[], left: LineQuantity[], cancelledOn = '2026-02-10'): LicenseEvent => ({
  type: 'ShipmentCancelled',
  schemaVersion: 1,
  data: {
    licenseId: LICENSE_ID,
    shipmentId: 's1',
    restored,
    reason: 'The goods never left',
    cancelledOn,
    customsDeclarationRef: 'CD-s1',
    remaining: left,
  },
});

describe('CorrectShipment', () => {
  it("replaces the shipment's lines, re-computes what remains and keeps the customs reference", () => {
    spec
      .given([issued(), shippedThirty])
      .when(
        correct('s1', [
          { lineId: '1', quantity: 25 },
          { lineId: '2', quantity: 5 },
        ]),
      )
      .then([
        corrected(
          [
            { lineId: '1', quantity: 25 },
            { lineId: '2', quantity: 5 },
          ],
          [{ lineId: '1', quantity: 30 }],
          remaining(75, 35),
        ),
      ]);
  });

  it('leaves the shipment and every line as corrected in the state', () => {
    const history = [issued(), shippedThirty, corrected([{ lineId: '1', quantity: 25 }], [], remaining(75))];
    const state = fold(licenseDecider, history);
    if (state.status === 'none') throw new Error('not issued');
    expect(state.license.lines.map((line) => line.shipped)).toEqual([25, 0]);
    expect(state.license.shipments).toEqual([
      {
        shipmentId: 's1',
        shippedOn: '2026-02-01',
        customsDeclarationRef: 'CD-s1',
        lines: [{ lineId: '1', quantity: 25 }],
        status: 'corrected',
      },
    ]);
  });

  it('counts the other shipments: a correction may use the rest of a line, and uses the license up', () => {
    const both = [
      issued(),
      shippedThirty,
      shipped('s2', [{ lineId: '2', quantity: 40 }], remaining(70, 0), '2026-02-05'),
    ];
    spec
      .given(both)
      .when(correct('s1', [{ lineId: '1', quantity: 100 }]))
      .then([
        corrected([{ lineId: '1', quantity: 100 }], [{ lineId: '1', quantity: 30 }], remaining(0, 0)),
        exhausted('2026-02-10'),
      ]);
  });

  it('refuses a correction beyond the licensed quantity, naming what is available', () => {
    spec
      .given([issued(), shippedThirty])
      .when(correct('s1', [{ lineId: '1', quantity: 100.5 }]))
      .thenThrows('license.quantity_exceeded', /only 100 kg are licensed/);
  });

  it('refuses an unknown shipment as not found', () => {
    spec
      .given([issued(), shippedThirty])
      .when(correct('s9', [{ lineId: '1', quantity: 1 }]))
      .thenThrows('license.unknown_shipment');
  });

  it('refuses a correction of a cancelled shipment', () => {
    spec
      .given([issued(), shippedThirty, cancelled([{ lineId: '1', quantity: 30 }], remaining(100))])
      .when(correct('s1', [{ lineId: '1', quantity: 20 }]))
      .thenThrows('license.shipment_cancelled');
  });

  it('refuses an unknown line, a correction to nothing, and one that changes nothing', () => {
    const given = spec.given([issued(), shippedThirty]);
    given.when(correct('s1', [{ lineId: '7', quantity: 1 }])).thenThrows('license.unknown_line');
    given.when(correct('s1', [{ lineId: '1', quantity: 0 }])).thenThrows('license.correction_ships_nothing');
    given.when(correct('s1', [{ lineId: '1', quantity: 30 }])).thenThrows('license.correction_changes_nothing');
  });

  it('corrects the record of a license suspended or expired since: history, not a new shipment', () => {
    const change = correct('s1', [{ lineId: '1', quantity: 20 }], '2027-02-01');
    const expected = corrected(
      [{ lineId: '1', quantity: 20 }],
      [{ lineId: '1', quantity: 30 }],
      remaining(80),
      '2027-02-01',
    );
    spec
      .given([issued(), shippedThirty, suspended('2026-03-01')])
      .when(change)
      .then([expected]);
    spec.given([issued(), shippedThirty, expired]).when(change).then([expected]);
  });

  it('refuses any change to the shipments of a revoked license', () => {
    spec
      .given([issued(), shippedThirty, revoked])
      .when(correct('s1', [{ lineId: '1', quantity: 20 }]))
      .thenThrows('license.revoked');
    spec.given([issued(), shippedThirty, revoked]).when(cancel('s1')).thenThrows('license.revoked');
  });

  it('lets a licensing officer correct the record too; an auditor may not', () => {
    spec
      .given([issued(), shippedThirty])
      .when(correct('s1', [{ lineId: '1', quantity: 25 }], '2026-02-10', 'licensing_officer' as never))
      .then([corrected([{ lineId: '1', quantity: 25 }], [{ lineId: '1', quantity: 30 }], remaining(75))]);
    spec
      .given([issued(), shippedThirty])
      .when(correct('s1', [{ lineId: '1', quantity: 25 }], '2026-02-10', 'auditor' as never))
      .thenThrows('license.forbidden');
  });
});

describe('CancelShipment', () => {
  it("restores the shipment's quantities and keeps its customs reference", () => {
    spec
      .given([issued(), shippedThirty])
      .when(cancel('s1'))
      .then([cancelled([{ lineId: '1', quantity: 30 }], remaining(100))]);
  });

  it('restores the corrected quantities, not the first ones', () => {
    spec
      .given([issued(), shippedThirty, corrected([{ lineId: '1', quantity: 25 }], [], remaining(75))])
      .when(cancel('s1'))
      .then([cancelled([{ lineId: '1', quantity: 25 }], remaining(100))]);
  });

  it('refuses to cancel a shipment twice, and an unknown one', () => {
    const once = [issued(), shippedThirty, cancelled([{ lineId: '1', quantity: 30 }], remaining(100))];
    spec.given(once).when(cancel('s1')).thenThrows('license.shipment_cancelled');
    spec.given([issued()]).when(cancel('s1')).thenThrows('license.unknown_shipment');
  });

  it('opens a used-up license again: the quantity given back may ship', () => {
    const usedUp = [
      issued(),
      shipped('s1', [{ lineId: '1', quantity: 30 }], remaining(70)),
      shipped(
        's2',
        [
          { lineId: '1', quantity: 70 },
          { lineId: '2', quantity: 40 },
        ],
        remaining(0, 0),
      ),
      exhausted(),
    ];
    const after = fold(licenseDecider, [...usedUp, cancelled([{ lineId: '1', quantity: 30 }], remaining(30, 0))]);
    expect(after.status).toBe('active');
    spec
      .given([...usedUp, cancelled([{ lineId: '1', quantity: 30 }], remaining(30, 0))])
      .when({
        type: 'RecordShipment',
        data: {
          licenseId: LICENSE_ID,
          shipmentId: 's3',
          lines: [{ lineId: '1', quantity: 30 }],
          customsDeclarationRef: 'CD-s3',
        },
        metadata: meta({ at: '2026-02-11', actor: 'exporter' }),
      })
      .then([shipped('s3', [{ lineId: '1', quantity: 30 }], remaining(0, 0), '2026-02-11'), exhausted('2026-02-11')]);
  });
});
