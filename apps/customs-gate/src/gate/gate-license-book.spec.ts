import { GateLicenseBook } from './gate-license-book';
import { licenseState } from './testing/license-states';

describe('GateLicenseBook', () => {
  it('holds the first snapshot of a license and replaces it with a newer version', () => {
    const book = new GateLicenseBook();
    expect(book.apply(licenseState({ version: 1 }))).toEqual({
      outcome: 'applied',
      licenseId: 'lic-1',
      version: 1,
      previousVersion: null,
    });
    expect(book.apply(licenseState({ version: 2, data: { status: 'revoked', endedOn: '2026-02-05' } }))).toEqual({
      outcome: 'applied',
      licenseId: 'lic-1',
      version: 2,
      previousVersion: 1,
    });
    expect(book.get('lic-1')).toMatchObject({ status: 'revoked', version: 2 });
  });

  it('ignores a redelivered snapshot (same version) and keeps what it holds', () => {
    const book = GateLicenseBook.of([licenseState({ version: 4 })]);
    expect(book.apply(licenseState({ version: 4, data: { status: 'revoked', endedOn: '2026-02-05' } }))).toEqual({
      outcome: 'stale',
      licenseId: 'lic-1',
      version: 4,
      heldVersion: 4,
    });
    expect(book.get('lic-1')?.status).toBe('active');
  });

  it('ignores an older snapshot arriving after a newer one (a relay re-sending after a crash)', () => {
    const suspension = { reason: 'Audit', suspendedOn: '2026-02-01', until: null };
    const book = GateLicenseBook.of([licenseState({ version: 5, data: { status: 'suspended', suspension } })]);
    expect(book.apply(licenseState({ version: 3 })).outcome).toBe('stale');
    expect(book.get('lic-1')).toMatchObject({ status: 'suspended', version: 5 });
  });

  it('keeps licenses apart', () => {
    const book = GateLicenseBook.of([
      licenseState({ licenseId: 'lic-A', version: 9 }),
      licenseState({ licenseId: 'lic-B', version: 0 }),
    ]);
    expect(book.size).toBe(2);
    expect(book.get('lic-B')?.version).toBe(0);
    expect(book.has('lic-C')).toBe(false);
  });

  it('refuses a newer version whose position is not newer: a producer bug, not something to absorb', () => {
    const book = GateLicenseBook.of([licenseState({ version: 2, position: '500' })]);
    expect(() => book.apply(licenseState({ version: 3, position: '499' }))).toThrow(
      /version 3 above the held 2 but position 499 not above 500: the producer broke the contract/,
    );
    expect(book.get('lic-1')?.version).toBe(2);
  });
});
