import { checkDeclaration, type GateVerdict } from './check-declaration';
import type { CustomsDeclaration } from './declaration';
import { GateLicenseBook } from './gate-license-book';
import { licenseState, lineWithRemaining, type LicenseStateOptions } from './testing/license-states';

// The sample license lic-1 (contracts' own example): exporter exp-1, valid
// 2026-01-21..2026-06-30, line 1 with 70 of 100 kg left, end user
// Stuttgart Motors GmbH (DE).
const declaration = (overrides: Partial<CustomsDeclaration> = {}): CustomsDeclaration => ({
  declarationRef: 'CD-2026-0042',
  licenseId: 'lic-1',
  exporterId: 'exp-1',
  lines: [{ lineId: '1', quantity: 30, unit: 'kg' }],
  ...overrides,
});

const given = (...states: LicenseStateOptions[]) => ({
  when: (declared: CustomsDeclaration, today = '2026-02-10') => {
    const verdict = checkDeclaration(GateLicenseBook.of(states.map(licenseState)), declared, today);
    return {
      thenReleases: () => expect(verdict).toMatchObject({ verdict: 'release', reasons: [], codes: [] }),
      thenRefuses: (...expected: [string, RegExp][]) => {
        expect(verdict.verdict).toBe('refuse');
        expect(verdict.codes).toEqual(expected.map(([code]) => code));
        expected.forEach(([, reason], i) => expect(verdict.reasons[i]).toMatch(reason));
      },
      verdict: (): GateVerdict => verdict,
    };
  },
});

describe('checkDeclaration', () => {
  describe('releases', () => {
    it('a declaration within the remaining quantity of an active license, and names the snapshot it rests on', () => {
      const check = given({ version: 3 }).when(declaration());
      check.thenReleases();
      expect(check.verdict().basis).toMatchObject({ licenseId: 'lic-1', version: 3, lastPosition: '1030' });
    });

    it('exactly what remains, with or without the unit', () => {
      given({})
        .when(declaration({ lines: [{ lineId: '1', quantity: 70 }] }))
        .thenReleases();
    });

    it('decimal lines whose sum equals the remainder (0.1 + 0.2 = 0.3)', () => {
      given({ data: { lines: [lineWithRemaining(0.3)] } })
        .when(
          declaration({
            lines: [
              { lineId: '1', quantity: 0.1 },
              { lineId: '1', quantity: 0.2 },
            ],
          }),
        )
        .thenReleases();
    });

    it('on the first and the last day of validity', () => {
      given({}).when(declaration(), '2026-01-21').thenReleases();
      given({}).when(declaration(), '2026-06-30').thenReleases();
    });

    it('on the day a dated suspension lapses by itself, with no new snapshot', () => {
      const suspended = {
        status: 'suspended' as const,
        suspension: { reason: 'End user under investigation', suspendedOn: '2026-03-02', until: '2026-04-01' },
      };
      given({ data: suspended }).when(declaration(), '2026-04-01').thenReleases();
    });

    it('before a suspension recorded ahead of its first day takes effect', () => {
      const suspended = {
        status: 'suspended' as const,
        suspension: { reason: 'Audit', suspendedOn: '2026-03-02', until: null },
      };
      given({ data: suspended }).when(declaration(), '2026-03-01').thenReleases();
    });

    it('a declared consignee country and end user named on the license, spelled with other case and spacing', () => {
      given({})
        .when(declaration({ consigneeCountry: 'DE', endUser: { name: '  stuttgart  MOTORS gmbh', country: 'DE' } }))
        .thenReleases();
    });
  });

  describe('refuses', () => {
    it('an unknown license: the goods are unlicensed', () => {
      const check = given({}).when(declaration({ licenseId: 'lic-404' }));
      check.thenRefuses(['gate.unlicensed', /knows no license lic-404: the goods are unlicensed/]);
      expect(check.verdict().basis).toBeNull();
    });

    it('a license issued to another exporter', () => {
      given({})
        .when(declaration({ exporterId: 'exp-9' }))
        .thenRefuses(['gate.exporter_mismatch', /issued to exporter exp-1, not exp-9/]);
    });

    it('before the license is valid', () => {
      given({})
        .when(declaration(), '2026-01-20')
        .thenRefuses(['gate.license_not_yet_valid', /valid from 2026-01-21; nothing may ship under it on 2026-01-20/]);
    });

    it('after the validity period, even before any expiry snapshot arrives', () => {
      given({})
        .when(declaration(), '2026-07-01')
        .thenRefuses(['gate.license_expired', /valid until 2026-06-30; on 2026-07-01 it no longer is/]);
    });

    it('an expired license', () => {
      given({ data: { status: 'expired', endedOn: '2026-07-01' } })
        .when(declaration(), '2026-02-10')
        .thenRefuses(['gate.license_expired', /expired \(valid until 2026-06-30\)/]);
    });

    it('a suspended license until it is reinstated', () => {
      const suspension = { reason: 'End user under investigation', suspendedOn: '2026-02-01', until: null };
      given({ data: { status: 'suspended', suspension } })
        .when(declaration())
        .thenRefuses([
          'gate.license_suspended',
          /suspended from 2026-02-01 until reinstated \(End user under investigation\)/,
        ]);
    });

    it('a suspended license on the day before a dated suspension lapses', () => {
      const suspension = { reason: 'End user under investigation', suspendedOn: '2026-03-02', until: '2026-04-01' };
      given({ data: { status: 'suspended', suspension } })
        .when(declaration(), '2026-03-31')
        .thenRefuses(['gate.license_suspended', /until 2026-04-01/]);
    });

    it('a revoked license', () => {
      given({ data: { status: 'revoked', endedOn: '2026-02-05' } })
        .when(declaration())
        .thenRefuses(['gate.license_revoked', /revoked on 2026-02-05/]);
    });

    it('an exhausted license', () => {
      given({ data: { status: 'exhausted', endedOn: '2026-02-05', lines: [lineWithRemaining(0)] } })
        .when(declaration({ lines: [{ lineId: '1', quantity: 1 }] }))
        .thenRefuses(
          ['gate.license_exhausted', /exhausted since 2026-02-05: every line has shipped in full/],
          ['gate.quantity_exceeds_remaining', /0 kg remain on license lic-1 \(of 100 kg\), but 1 kg are declared/],
        );
    });

    it('a line the license does not have', () => {
      given({})
        .when(
          declaration({
            lines: [
              { lineId: '1', quantity: 5 },
              { lineId: '7', quantity: 5 },
              { lineId: '7', quantity: 1 },
            ],
          }),
        )
        .thenRefuses(['gate.line_unknown', /has no line 7; its lines are 1/]);
    });

    it('a quantity above what remains', () => {
      given({})
        .when(declaration({ lines: [{ lineId: '1', quantity: 70.5 }] }))
        .thenRefuses([
          'gate.quantity_exceeds_remaining',
          /Line 1: 70 kg remain on license lic-1 \(of 100 kg\), but 70.5 kg are declared/,
        ]);
    });

    it('several lines on one license line that together exceed it', () => {
      given({})
        .when(
          declaration({
            lines: [
              { lineId: '1', quantity: 40 },
              { lineId: '1', quantity: 40 },
            ],
          }),
        )
        .thenRefuses(['gate.quantity_exceeds_remaining', /but 80 kg are declared/]);
    });

    it('a quantity in another unit than the line is licensed in', () => {
      given({})
        .when(declaration({ lines: [{ lineId: '1', quantity: 30, unit: 't' }] }))
        .thenRefuses(['gate.unit_mismatch', /licensed in kg; declare it in kg, not t/]);
    });

    it('an end user not named on the license', () => {
      given({})
        .when(declaration({ endUser: { name: 'Shell Trading Ltd', country: 'AE' } }))
        .thenRefuses([
          'gate.end_user_not_licensed',
          /Shell Trading Ltd \(AE\) is not an end user on license lic-1; it names Stuttgart Motors GmbH \(DE\)/,
        ]);
    });

    it('a consignee in a country no end user is in', () => {
      given({})
        .when(declaration({ consigneeCountry: 'AE' }))
        .thenRefuses(['gate.destination_not_licensed', /covers end users in DE, not a consignee in AE/]);
    });

    it('with every reason at once, so the declaration can be fixed in one go', () => {
      const suspension = { reason: 'Audit', suspendedOn: '2026-02-01', until: null };
      given({ data: { status: 'suspended', suspension } })
        .when(
          declaration({
            exporterId: 'exp-9',
            consigneeCountry: 'AE',
            lines: [
              { lineId: '2', quantity: 1 },
              { lineId: '1', quantity: 71 },
            ],
          }),
        )
        .thenRefuses(
          ['gate.exporter_mismatch', /exp-9/],
          ['gate.license_suspended', /Audit/],
          ['gate.destination_not_licensed', /AE/],
          ['gate.line_unknown', /no line 2/],
          ['gate.quantity_exceeds_remaining', /71 kg/],
        );
    });
  });
});
