import { LicenseEvent } from './license-events';
import { exhausted, expired, issued, revoked, shipped, suspended } from './license.fixtures';

describe('license event schemas', () => {
  it.each([
    issued(),
    shipped('s1', [{ lineId: '1', quantity: 10 }], [{ lineId: '1', quantity: 90 }]),
    exhausted(),
    suspended('2026-03-01', '2026-06-01'),
    revoked,
    expired,
  ])('read $type back from storage unchanged', (event) => {
    expect(LicenseEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });
});
