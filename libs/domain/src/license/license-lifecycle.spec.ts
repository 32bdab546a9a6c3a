import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { Role } from '../shared/metadata';
import { LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { exhausted, expired, issued, LICENSE_ID, revoked, suspended } from './license.fixtures';

const spec = deciderSpec(licenseDecider);
const id = { licenseId: LICENSE_ID };
const as = (role: Role, at = '2026-03-01') => meta({ at, actor: role });

const suspend = (until?: string, at = '2026-03-01'): LicenseCommand => ({
  type: 'SuspendLicense',
  data: { ...id, reason: 'End user under investigation', ...(until ? { until } : {}) },
  metadata: as('licensing_officer', at),
});
const reinstate = (at = '2026-04-01'): LicenseCommand => ({
  type: 'ReinstateLicense',
  data: { ...id, reason: 'Investigation closed' },
  metadata: as('licensing_officer', at),
});
const revoke: LicenseCommand = {
  type: 'RevokeLicense',
  data: { ...id, reason: 'Diversion to a listed party' },
  metadata: as('licensing_officer', '2026-04-01'),
};
const expire = (at: string): LicenseCommand => ({ type: 'ExpireLicense', data: id, metadata: as('system', at) });

describe('license lifecycle', () => {
  describe('SuspendLicense', () => {
    it('suspends until reinstated', () => {
      spec
        .given([issued()])
        .when(suspend())
        .then([suspended('2026-03-01', null)]);
    });

    it('suspends until a date on which it lapses by itself', () => {
      spec
        .given([issued()])
        .when(suspend('2026-06-01'))
        .then([suspended('2026-03-01', '2026-06-01')]);
    });

    it('suspends again after an earlier suspension lapsed', () => {
      spec
        .given([issued(), suspended('2026-03-01', '2026-04-01')])
        .when(suspend(undefined, '2026-05-01'))
        .then([suspended('2026-05-01', null)]);
    });

    it('refuses suspending a license already suspended', () => {
      spec.given([issued(), suspended()]).when(suspend()).thenThrows('license.already_suspended');
    });

    it('refuses a suspension ending today or earlier', () => {
      spec.given([issued()]).when(suspend('2026-03-01')).thenThrows('license.invalid_suspension_end');
    });

    it('refuses an exporter suspending a license', () => {
      spec
        .given([issued()])
        .when({ ...suspend(), metadata: as('exporter') })
        .thenThrows('license.forbidden');
    });
  });

  describe('ReinstateLicense', () => {
    it('reinstates a suspended license', () => {
      spec
        .given([issued(), suspended()])
        .when(reinstate())
        .then([
          {
            type: 'LicenseReinstated',
            schemaVersion: 1,
            data: { ...id, reinstatedOn: '2026-04-01', reason: 'Investigation closed' },
          },
        ]);
    });

    it('refuses reinstating a license that is not suspended', () => {
      spec
        .given([issued()])
        .when(reinstate())
        .thenThrows('license.not_suspended', /is active, not suspended/);
    });

    it('refuses reinstating once the suspension has lapsed by itself', () => {
      spec
        .given([issued(), suspended('2026-03-01', '2026-03-15')])
        .when(reinstate())
        .thenThrows('license.not_suspended', /lapsed by itself on 2026-03-15/);
    });

    it('refuses a reviewer reinstating a license', () => {
      spec
        .given([issued(), suspended()])
        .when({ ...reinstate(), metadata: as('reviewer') })
        .thenThrows('license.forbidden');
    });
  });

  describe('RevokeLicense', () => {
    it('revokes an active license', () => {
      spec.given([issued()]).when(revoke).then([revoked]);
    });

    it('revokes a suspended license', () => {
      spec.given([issued(), suspended()]).when(revoke).then([revoked]);
    });

    it('refuses revoking twice', () => {
      spec
        .given([issued(), revoked])
        .when(revoke)
        .thenThrows('license.already_revoked', /already revoked on 2026-04-01/);
    });

    it('refuses revoking a used-up license', () => {
      spec.given([issued(), exhausted()]).when(revoke).thenThrows('license.illegal_transition');
    });

    it('refuses an exporter revoking a license', () => {
      spec
        .given([issued()])
        .when({ ...revoke, metadata: as('exporter') })
        .thenThrows('license.forbidden');
    });
  });

  describe('ExpireLicense', () => {
    it('expires the license the day after validUntil', () => {
      spec.given([issued()]).when(expire('2027-01-01')).then([expired]);
    });

    it('expires a suspended license too', () => {
      spec.given([issued(), suspended()]).when(expire('2027-01-01')).then([expired]);
    });

    it('refuses expiring on validUntil itself, the last valid day', () => {
      spec
        .given([issued()])
        .when(expire('2026-12-31'))
        .thenThrows('license.not_yet_expired', /valid until 2026-12-31 inclusive/);
    });

    it('refuses expiring twice', () => {
      spec.given([issued(), expired]).when(expire('2027-01-02')).thenThrows('license.already_expired');
    });

    it('refuses expiring a revoked license', () => {
      spec
        .given([issued(), revoked])
        .when(expire('2027-01-02'))
        .thenThrows('license.illegal_transition', /is revoked/);
    });

    it('refuses anyone but the system expiring a license', () => {
      spec
        .given([issued()])
        .when({ ...expire('2027-01-01'), metadata: as('licensing_officer', '2027-01-01') })
        .thenThrows('license.forbidden');
    });
  });
});
