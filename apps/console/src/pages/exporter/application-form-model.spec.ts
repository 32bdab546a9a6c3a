import { type DraftForm, draftSchema, emptyDraft, formFieldOf, normaliseDraft } from './application-form-model';

/** A form filled in for a holmium export, with the general license's fields typed too. */
function filledForm(licenseType: 'individual' | 'general'): DraftForm {
  const party = (name: string) => ({
    name,
    country: 'DE',
    militaryUser: false,
    listed: false,
    ownedByListedPartiesPercent: 0,
  });
  const empty = emptyDraft('baotou-rare-earth');
  return {
    applicationId: ' app-2026-0100 ',
    application: {
      ...empty.application,
      licenseType,
      destination: 'DE',
      items: [
        {
          ...empty.application.items[0]!,
          controlCode: '1C909.a',
          description: 'holmium metal',
          quantity: { amount: 10, unit: 'kg' },
          value: { amount: 9000, currency: 'USD' },
        },
      ],
      consignee: party('Hamburg Import GmbH'),
      endUser: party('Stuttgart Motors GmbH'),
      endUse: { category: 'civil', description: 'Traction motors' },
      contractRef: 'CT-1',
      endUserCertificateRef: 'EUC-1',
      endUseCertificateRef: 'EUSE-1',
      additionalEndUsers: [party('Munich Drives AG')],
      complianceSystem: { description: 'Screening of every party.', certificateRef: 'ICP-1' },
      pastLicenseUse: { summary: 'Twenty exports.', licenseRefs: ' L-1 \n\nL-2\n' },
    },
  };
}

describe('the application form as the body of POST /applications', () => {
  it('gives a general license its end users, compliance system and one license reference per line', () => {
    const body = normaliseDraft(filledForm('general'));
    expect(body.application).toMatchObject({
      licenseType: 'general',
      additionalEndUsers: [{ name: 'Munich Drives AG' }],
      complianceSystem: { description: 'Screening of every party.', certificateRef: 'ICP-1' },
      pastLicenseUse: { summary: 'Twenty exports.', licenseRefs: ['L-1', 'L-2'] },
    });
    expect(body.applicationId).toBe('app-2026-0100');
    expect(draftSchema.safeParse(body).success).toBe(true);
  });

  it('drops the general fields when the exporter switches back to an individual license', () => {
    const body = normaliseDraft(filledForm('individual'));
    expect(body.application.licenseType).toBe('individual');
    expect(draftSchema.safeParse(body).success).toBe(true);
    expect(Object.keys(body.application).filter((key) => /EndUsers|compliance|pastLicense/.test(key))).toEqual([]);
  });

  it('is refused by the general schema with an issue on each missing general field', () => {
    const form = filledForm('general');
    form.application.complianceSystem.certificateRef = '';
    form.application.pastLicenseUse.summary = '';
    const result = draftSchema.safeParse(normaliseDraft(form));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'application.complianceSystem.certificateRef',
      'application.pastLicenseUse.summary',
    ]);
  });

  it('shows an issue about the n-th license reference under the one text area that holds them', () => {
    expect(formFieldOf('application.pastLicenseUse.licenseRefs.3')).toBe('application.pastLicenseUse.licenseRefs');
    expect(formFieldOf('application.items.0.controlCode')).toBe('application.items.0.controlCode');
  });
});
