import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { ExporterCommand, MAX_DECLARED_EXPORTS, MAX_HISTORY_YEARS, RegisterExporterData } from './exporter-commands';
import { exporterDecider } from './exporter-decider';
import { certified, EXPORTER_ID, registered } from './exporter.fixtures';
import { exporterStreamId } from './exporter-events';

const spec = deciderSpec(exporterDecider);

const register = (
  overrides: Partial<Extract<ExporterCommand, { type: 'RegisterExporter' }>['data']> = {},
): ExporterCommand => ({
  type: 'RegisterExporter',
  data: {
    exporterId: EXPORTER_ID,
    name: 'Ningbo Magnetics Co., Ltd.',
    unifiedSocialCreditCode: '91330200MA2AB3CD4E',
    country: 'CN',
    dualUseExportHistory: { since: '2020-03-01' },
    licensedExportsLastThreeYears: 12,
    ...overrides,
  },
  metadata: meta({ at: '2025-06-02', actor: 'exporter' }),
});

const certify = (at = '2025-07-01'): ExporterCommand => ({
  type: 'CertifyComplianceProgramme',
  data: { exporterId: EXPORTER_ID, certificateRef: 'ICP-2025-0042' },
  metadata: meta({ at, actor: 'licensing_officer' }),
});

describe('exporter registration', () => {
  it('names the stream exporter-<id>', () => {
    expect(exporterStreamId('exp-1')).toBe('exporter-exp-1');
  });

  describe('RegisterExporter', () => {
    it('registers an exporter with its dual-use export history start date', () => {
      spec.given([]).when(register()).then([registered()]);
    });

    it('turns a history stated in years into a start date counted back from registration', () => {
      spec
        .given([])
        .when(register({ dualUseExportHistory: { years: 3 } }))
        .then([registered({ dualUseExportsSince: '2022-06-02' })]);
    });

    it('refuses to register the same exporter twice', () => {
      spec
        .given([registered()])
        .when(register())
        .thenThrows('exporter.already_registered', /already registered/);
    });

    it('refuses a reviewer registering an exporter', () => {
      spec
        .given([])
        .when({ ...register(), metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('exporter.forbidden', /reviewer may not register an exporter/);
    });
  });

  describe('CertifyComplianceProgramme', () => {
    it('records the certificate and the date it was certified', () => {
      spec
        .given([registered()])
        .when(certify())
        .then([certified('2025-07-01')]);
    });

    it('refuses to act on an unregistered exporter', () => {
      spec
        .given([])
        .when(certify())
        .thenThrows('exporter.not_registered', /Register the exporter first/);
    });

    it('refuses an exporter certifying its own programme', () => {
      spec
        .given([registered()])
        .when({ ...certify(), metadata: meta({ actor: 'exporter' }) })
        .thenThrows('exporter.forbidden', /only licensing_officer/);
    });
  });
});

describe('registration input bounds', () => {
  const valid = {
    exporterId: 'ningbo-magnetics',
    name: 'Ningbo Magnetics Co., Ltd.',
    unifiedSocialCreditCode: '91330200MA2AB3CD4E',
    country: 'CN',
    licensedExportsLastThreeYears: 12,
  };

  it('accepts a history of up to 200 years and refuses longer ones before anything is decided', () => {
    expect(
      RegisterExporterData.safeParse({ ...valid, dualUseExportHistory: { years: MAX_HISTORY_YEARS } }).success,
    ).toBe(true);
    const tooLong = RegisterExporterData.safeParse({ ...valid, dualUseExportHistory: { years: 676486284 } });
    expect(tooLong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['dualUseExportHistory.years']);
  });

  it('refuses a declared export count beyond the bound', () => {
    const parsed = RegisterExporterData.safeParse({
      ...valid,
      dualUseExportHistory: { years: 5 },
      licensedExportsLastThreeYears: MAX_DECLARED_EXPORTS + 1,
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['licensedExportsLastThreeYears']);
  });
});
