import { deciderSpec } from '../testing/decider-spec';
import { aParty, meta } from '../application/fixtures';
import { AmendLicense, LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { LicenseEvent } from './license-events';
import { endUsers, exhausted, issued, LICENSE_ID, revoked, shipped, suspended } from './license.fixtures';

const spec = deciderSpec(licenseDecider);

const amend = (changes: Omit<AmendLicense['data'], 'licenseId' | 'reason'>, at = '2026-05-04'): LicenseCommand => ({
  type: 'AmendLicense',
  data: { licenseId: LICENSE_ID, reason: 'Contract volume revised', ...changes },
  metadata: meta({ at, actor: 'licensing_officer' }),
});

const amended = (data: Partial<Extract<LicenseEvent, { type: 'LicenseAmended' }>['data']>): LicenseEvent => ({
  type: 'LicenseAmended',
  schemaVersion: 1,
  data: {
    licenseId: LICENSE_ID,
    reason: 'Contract volume revised',
    amendedOn: '2026-05-04',
    validUntil: '2026-12-31',
    endUsers,
    licensed: [
      { lineId: '1', quantity: 100 },
      { lineId: '2', quantity: 40 },
    ],
    remaining: [
      { lineId: '1', quantity: 100 },
      { lineId: '2', quantity: 40 },
    ],
    ...data,
  },
});

const shippedSixty = shipped(
  's1',
  [{ lineId: '1', quantity: 60 }],
  [
    { lineId: '1', quantity: 40 },
    { lineId: '2', quantity: 40 },
  ],
);

describe('AmendLicense', () => {
  it('extends a general license within its three-year maximum', () => {
    spec
      .given([issued('general', '2026-12-31')])
      .when(amend({ validUntil: '2028-12-31' }))
      .then([amended({ validUntil: '2028-12-31' })]);
  });

  it('changes the end users', () => {
    const newEndUsers = [aParty(), aParty({ name: 'Lyon Moteurs SA', country: 'FR' })];
    spec
      .given([issued('general')])
      .when(amend({ endUsers: newEndUsers }))
      .then([amended({ endUsers: newEndUsers })]);
  });

  it('adjusts quantities and records what remains after shipments', () => {
    spec
      .given([issued(), shippedSixty])
      .when(amend({ quantities: [{ lineId: '1', quantity: 80 }] }))
      .then([
        amended({
          licensed: [
            { lineId: '1', quantity: 80 },
            { lineId: '2', quantity: 40 },
          ],
          remaining: [
            { lineId: '1', quantity: 20 },
            { lineId: '2', quantity: 40 },
          ],
        }),
      ]);
  });

  it('uses an individual license up when quantities are cut to what has shipped', () => {
    const allButLine2 = shipped(
      's1',
      [
        { lineId: '1', quantity: 60 },
        { lineId: '2', quantity: 40 },
      ],
      [
        { lineId: '1', quantity: 40 },
        { lineId: '2', quantity: 0 },
      ],
    );
    spec
      .given([issued(), allButLine2])
      .when(amend({ quantities: [{ lineId: '1', quantity: 60 }] }))
      .then([
        amended({
          licensed: [
            { lineId: '1', quantity: 60 },
            { lineId: '2', quantity: 40 },
          ],
          remaining: [
            { lineId: '1', quantity: 0 },
            { lineId: '2', quantity: 0 },
          ],
        }),
        exhausted('2026-05-04'),
      ]);
  });

  it('refuses an extension beyond the maximum validity', () => {
    spec
      .given([issued()])
      .when(amend({ validUntil: '2027-06-30' }))
      .thenThrows('license.validity_too_long', /until 2026-12-31 at the latest/);
  });

  it('refuses a quantity below what has already shipped', () => {
    spec
      .given([issued(), shippedSixty])
      .when(amend({ quantities: [{ lineId: '1', quantity: 50 }] }))
      .thenThrows('license.quantity_below_shipped', /60 kg have already shipped/);
  });

  it('refuses a quantity for a line the license does not have', () => {
    spec
      .given([issued()])
      .when(amend({ quantities: [{ lineId: '7', quantity: 5 }] }))
      .thenThrows('license.unknown_line');
  });

  it('refuses an amendment that changes nothing', () => {
    spec.given([issued()]).when(amend({})).thenThrows('license.amendment_empty');
  });

  it('refuses cutting validity back to a date already passed', () => {
    spec
      .given([issued()])
      .when(amend({ validUntil: '2026-03-31' }))
      .thenThrows('license.validity_in_past', /Revoke it instead/);
  });

  it('refuses amending a license expired by date', () => {
    spec
      .given([issued()])
      .when(amend({ validUntil: '2026-12-31' }, '2027-01-02'))
      .thenThrows('license.expired');
  });

  it('amends a suspended license', () => {
    spec
      .given([issued(), suspended()])
      .when(amend({ quantities: [{ lineId: '2', quantity: 30 }] }))
      .then([
        amended({
          licensed: [
            { lineId: '1', quantity: 100 },
            { lineId: '2', quantity: 30 },
          ],
          remaining: [
            { lineId: '1', quantity: 100 },
            { lineId: '2', quantity: 30 },
          ],
        }),
      ]);
  });

  it('refuses amending a revoked license', () => {
    spec
      .given([issued(), revoked])
      .when(amend({ validUntil: '2026-11-30' }))
      .thenThrows('license.illegal_transition', /is revoked/);
  });

  it('refuses an exporter amending its license', () => {
    spec
      .given([issued()])
      .when({ ...amend({ validUntil: '2026-11-30' }), metadata: meta({ at: '2026-05-04', actor: 'exporter' }) })
      .thenThrows('license.forbidden');
  });
});
