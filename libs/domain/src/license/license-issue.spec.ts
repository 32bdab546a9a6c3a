import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { licenseStreamId } from './license-events';
import { approvedApplicationFacts, issued, LICENSE_ID } from './license.fixtures';

const spec = deciderSpec(licenseDecider);

const issue = (
  overrides: { validUntil?: string; application?: ReturnType<typeof approvedApplicationFacts> } = {},
): LicenseCommand => ({
  type: 'IssueLicense',
  data: {
    licenseId: LICENSE_ID,
    application: overrides.application ?? approvedApplicationFacts(),
    validFrom: '2026-01-01',
    validUntil: overrides.validUntil ?? '2026-12-31',
  },
  metadata: meta({ at: '2025-12-20', actor: 'licensing_officer' }),
});

describe('IssueLicense', () => {
  it('names the stream license-<id>', () => {
    expect(licenseStreamId('lic-1')).toBe('license-lic-1');
  });

  it('issues an individual license for one year with the approved items and end users', () => {
    spec.given([]).when(issue()).then([issued()]);
  });

  it('issues a general license for up to three years', () => {
    spec
      .given([])
      .when(issue({ application: approvedApplicationFacts({ licenseType: 'general' }), validUntil: '2028-12-31' }))
      .then([issued('general', '2028-12-31')]);
  });

  it('refuses an individual license longer than one year', () => {
    spec
      .given([])
      .when(issue({ validUntil: '2027-01-01' }))
      .thenThrows(
        'license.validity_too_long',
        /An individual license may run 1 year at most: from 2026-01-01 until 2026-12-31/,
      );
  });

  it('refuses a general license longer than three years', () => {
    spec
      .given([])
      .when(issue({ application: approvedApplicationFacts({ licenseType: 'general' }), validUntil: '2029-01-01' }))
      .thenThrows('license.validity_too_long', /A general license may run 3 years at most/);
  });

  it('refuses a license that ends before it starts', () => {
    spec
      .given([])
      .when(issue({ validUntil: '2025-12-31' }))
      .thenThrows('license.invalid_validity');
  });

  it('refuses to issue the same license twice', () => {
    spec.given([issued()]).when(issue()).thenThrows('license.already_issued');
  });

  it('refuses when the application facts say it is not approved', () => {
    spec
      .given([])
      .when(issue({ application: approvedApplicationFacts({ status: 'reviewed' }) }))
      .thenThrows('license.application_not_approved', /Application app-1 is reviewed/);
  });

  it('refuses an exporter issuing its own license', () => {
    spec
      .given([])
      .when({ ...issue(), metadata: meta({ at: '2025-12-20', actor: 'exporter' }) })
      .thenThrows('license.forbidden');
  });
});
