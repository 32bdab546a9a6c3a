import { ExporterEvent } from './exporter-events';

export const EXPORTER_ID = 'exp-1';

export function registered(
  overrides: Partial<Extract<ExporterEvent, { type: 'ExporterRegistered' }>['data']> = {},
): ExporterEvent {
  return {
    type: 'ExporterRegistered',
    schemaVersion: 1,
    data: {
      exporterId: EXPORTER_ID,
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportsSince: '2020-03-01',
      licensedExportsLastThreeYears: 12,
      registeredOn: '2025-06-02',
      ...overrides,
    },
  };
}

export function certified(certifiedOn = '2025-07-01'): ExporterEvent {
  return {
    type: 'ComplianceProgrammeCertified',
    schemaVersion: 1,
    data: { exporterId: EXPORTER_ID, certificateRef: 'ICP-2025-0042', certifiedOn },
  };
}

export function qualified(qualifiedOn = '2025-08-01'): ExporterEvent {
  return { type: 'QualifiedForGeneralLicenses', schemaVersion: 1, data: { exporterId: EXPORTER_ID, qualifiedOn } };
}

export function penalised(imposedOn = '2024-05-10', penaltyId = 'pen-1'): ExporterEvent {
  return {
    type: 'ExporterPenalised',
    schemaVersion: 1,
    data: {
      exporterId: EXPORTER_ID,
      penaltyId,
      kind: 'fine',
      imposedOn,
      reason: 'Export without license',
      recordedOn: imposedOn,
    },
  };
}
