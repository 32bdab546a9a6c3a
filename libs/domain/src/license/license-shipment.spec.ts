import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { LineQuantity } from './license-events';
import { exhausted, expired, issued, LICENSE_ID, revoked, shipped, suspended } from './license.fixtures';

const spec = deciderSpec(licenseDecider);

const ship = (shipmentId: string, lines: LineQuantity[], at = '2026-02-01'): LicenseCommand => ({
  type: 'RecordShipment',
  data: { licenseId: LICENSE_ID, shipmentId, lines, customsDeclarationRef: `CD-${shipmentId}` },
  metadata: meta({ at, actor: 'exporter' }),
});

describe('RecordShipment', () => {
  it('draws the shipped quantity down and records what remains on every line', () => {
    spec
      .given([issued()])
      .when(ship('s1', [{ lineId: '1', quantity: 30 }]))
      .then([
        shipped(
          's1',
          [{ lineId: '1', quantity: 30 }],
          [
            { lineId: '1', quantity: 70 },
            { lineId: '2', quantity: 40 },
          ],
        ),
      ]);
  });

  it('uses an individual license up when the last quantity ships', () => {
    spec
      .given([
        issued(),
        shipped(
          's1',
          [{ lineId: '1', quantity: 100 }],
          [
            { lineId: '1', quantity: 0 },
            { lineId: '2', quantity: 40 },
          ],
        ),
      ])
      .when(ship('s2', [{ lineId: '2', quantity: 40 }], '2026-03-02'))
      .then([
        shipped(
          's2',
          [{ lineId: '2', quantity: 40 }],
          [
            { lineId: '1', quantity: 0 },
            { lineId: '2', quantity: 0 },
          ],
          '2026-03-02',
        ),
        exhausted('2026-03-02'),
      ]);
  });

  it('keeps a general license open when its quantity is shipped in full', () => {
    spec
      .given([issued('general', '2028-12-31')])
      .when(
        ship('s1', [
          { lineId: '1', quantity: 100 },
          { lineId: '2', quantity: 40 },
        ]),
      )
      .then([
        shipped(
          's1',
          [
            { lineId: '1', quantity: 100 },
            { lineId: '2', quantity: 40 },
          ],
          [
            { lineId: '1', quantity: 0 },
            { lineId: '2', quantity: 0 },
          ],
        ),
      ]);
  });

  it('refuses the system: nothing in the service records shipments, and customs would call in with a token of their own', () => {
    spec
      .given([issued()])
      .when({ ...ship('s1', [{ lineId: '2', quantity: 0.1 }]), metadata: meta({ at: '2026-02-01', actor: 'system' }) })
      .thenThrows('license.forbidden', /only exporter may/);
  });

  it('records a fractional quantity', () => {
    spec
      .given([issued()])
      .when(ship('s1', [{ lineId: '2', quantity: 0.1 }]))
      .then([
        shipped(
          's1',
          [{ lineId: '2', quantity: 0.1 }],
          [
            { lineId: '1', quantity: 100 },
            { lineId: '2', quantity: 39.9 },
          ],
        ),
      ]);
  });

  it('refuses a shipment beyond the remaining quantity, naming line, remaining and requested', () => {
    spec
      .given([
        issued(),
        shipped(
          's1',
          [{ lineId: '1', quantity: 60 }],
          [
            { lineId: '1', quantity: 40 },
            { lineId: '2', quantity: 40 },
          ],
        ),
      ])
      .when(ship('s2', [{ lineId: '1', quantity: 50 }]))
      .thenThrows('license.quantity_exceeded', /Line 1: 40 kg remain on license lic-1, but 50 kg were requested/);
  });

  it('adds up one line listed twice before checking the limit', () => {
    spec
      .given([issued()])
      .when(
        ship('s1', [
          { lineId: '2', quantity: 30 },
          { lineId: '2', quantity: 20 },
        ]),
      )
      .thenThrows('license.quantity_exceeded', /40 kg remain .* but 50 kg were requested/);
  });

  it('refuses a line the license does not have', () => {
    spec
      .given([issued()])
      .when(ship('s1', [{ lineId: '9', quantity: 1 }]))
      .thenThrows('license.unknown_line', /no line 9/);
  });

  it('refuses a shipment before the license is valid', () => {
    spec
      .given([issued()])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }], '2025-12-31'))
      .thenThrows('license.not_yet_valid', /valid from 2026-01-01/);
  });

  it('refuses a shipment after validUntil even though no expiry event was appended', () => {
    spec
      .given([issued()])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }], '2027-01-01'))
      .thenThrows('license.expired', /expired after 2026-12-31/);
  });

  it('refuses a shipment on an expired license', () => {
    spec
      .given([issued(), expired])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }]))
      .thenThrows('license.expired');
  });

  it('refuses a shipment while the license is suspended', () => {
    spec
      .given([issued(), suspended('2026-03-01', '2026-06-01')])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }], '2026-05-31'))
      .thenThrows('license.suspended', /suspended until 2026-06-01/);
  });

  it('accepts a shipment once the suspension has lapsed by itself', () => {
    spec
      .given([issued(), suspended('2026-03-01', '2026-06-01')])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }], '2026-06-01'))
      .then([
        shipped(
          's1',
          [{ lineId: '1', quantity: 1 }],
          [
            { lineId: '1', quantity: 99 },
            { lineId: '2', quantity: 40 },
          ],
          '2026-06-01',
        ),
      ]);
  });

  it('refuses a shipment on a revoked license', () => {
    spec
      .given([issued(), revoked])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }]))
      .thenThrows('license.revoked', /revoked on 2026-04-01/);
  });

  it('refuses a shipment on a used-up license', () => {
    spec
      .given([issued(), exhausted()])
      .when(ship('s9', [{ lineId: '1', quantity: 1 }]))
      .thenThrows('license.exhausted', /used up/);
  });

  it('refuses the same shipment id twice', () => {
    spec
      .given([
        issued(),
        shipped(
          's1',
          [{ lineId: '1', quantity: 10 }],
          [
            { lineId: '1', quantity: 90 },
            { lineId: '2', quantity: 40 },
          ],
        ),
      ])
      .when(ship('s1', [{ lineId: '1', quantity: 10 }]))
      .thenThrows('license.duplicate_shipment', /s1 is already recorded/);
  });

  it('refuses a shipment on a license never issued', () => {
    spec
      .given([])
      .when(ship('s1', [{ lineId: '1', quantity: 1 }]))
      .thenThrows('license.not_found');
  });

  it('refuses a licensing officer recording a shipment', () => {
    spec
      .given([issued()])
      .when({
        ...ship('s1', [{ lineId: '1', quantity: 1 }]),
        metadata: meta({ at: '2026-02-01', actor: 'licensing_officer' }),
      })
      .thenThrows('license.forbidden');
  });
});
