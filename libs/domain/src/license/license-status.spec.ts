import { fold } from '../shared/decider';
import { licenseDecider } from './license-decider';
import { LicenseEvent } from './license-events';
import { exhausted, issued, revoked, suspended } from './license.fixtures';
import { licenseStatusOn, maxValidUntil } from './license-status';

const stateOf = (events: LicenseEvent[]) => fold(licenseDecider, events);

describe('licenseStatusOn', () => {
  it('answers with no event needed for validity and expiry by date', () => {
    const state = stateOf([issued()]);
    expect(licenseStatusOn(state, '2025-12-31')).toBe('not_yet_valid');
    expect(licenseStatusOn(state, '2026-12-31')).toBe('active');
    expect(licenseStatusOn(state, '2027-01-01')).toBe('expired');
  });

  it('lets a dated suspension lapse by itself on its until date', () => {
    const state = stateOf([issued(), suspended('2026-03-01', '2026-06-01')]);
    expect(licenseStatusOn(state, '2026-05-31')).toBe('suspended');
    expect(licenseStatusOn(state, '2026-06-01')).toBe('active');
  });

  it('reports terminal statuses as recorded', () => {
    expect(licenseStatusOn(stateOf([issued(), revoked]), '2026-05-01')).toBe('revoked');
    expect(licenseStatusOn(stateOf([issued(), exhausted()]), '2026-05-01')).toBe('exhausted');
    expect(licenseStatusOn(stateOf([]), '2026-05-01')).toBe('none');
  });
});

describe('maxValidUntil', () => {
  it('allows one year for individual and three for general licenses, inclusive', () => {
    expect(maxValidUntil('individual', '2025-12-02')).toBe('2026-12-01');
    expect(maxValidUntil('general', '2025-12-02')).toBe('2028-12-01');
  });
});
