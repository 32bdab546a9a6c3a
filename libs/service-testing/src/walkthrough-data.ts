/** The README walkthrough's requests, for tests that drive the same story in process. */
const party = (name: string) => ({
  name,
  country: 'DE',
  militaryUser: false,
  listed: false,
  ownedByListedPartiesPercent: 0,
});

export const registerNingbo = {
  exporterId: 'ningbo-magnetics',
  name: 'Ningbo Magnetics Co., Ltd.',
  unifiedSocialCreditCode: '91330200MA2AB3CD4E',
  country: 'CN',
  dualUseExportHistory: { years: 5 },
  licensedExportsLastThreeYears: 12,
};

/** A second exporter, for specs of data scope: otherExporterUser (wu.hao) acts for it. */
export const registerBaotou = {
  exporterId: 'baotou-rare-earth',
  name: 'Baotou Rare Earth Co., Ltd.',
  unifiedSocialCreditCode: '91150200MA0N1234XY',
  country: 'CN',
  dualUseExportHistory: { years: 8 },
  licensedExportsLastThreeYears: 20,
};

export function magnetApplication(applicationId: string, overrides: Record<string, unknown> = {}) {
  return {
    applicationId,
    application: {
      licenseType: 'individual',
      exporterId: 'ningbo-magnetics',
      items: [
        {
          lineId: '1',
          controlCode: '1C902.a',
          element: 'samarium',
          form: 'magnet_material',
          description: 'Sm-Co permanent magnet blocks',
          quantity: { amount: 100, unit: 'kg' },
          value: { amount: 50000, currency: 'USD' },
        },
      ],
      consignee: party('Hamburg Import GmbH'),
      endUser: party('Stuttgart Motors GmbH'),
      endUse: { category: 'civil', description: 'Traction motors for electric vehicles' },
      destination: 'DE',
      contractRef: 'CT-2026-001',
      endUserCertificateRef: 'EUC-2026-001',
      endUseCertificateRef: 'EUSE-2026-001',
      ...overrides,
    },
  };
}
