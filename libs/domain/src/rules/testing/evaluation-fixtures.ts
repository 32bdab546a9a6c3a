import { Item, Party } from '../../shared/items';
import { ApplicationForEvaluation, ExporterProfile } from '../decision-record';

/** Builders for rule-evaluation specs. */

export const civilParty = (name: string, country = 'DE'): Party => ({
  name,
  country,
  militaryUser: false,
  listed: false,
  ownedByListedPartiesPercent: 0,
});

export function item(overrides: Partial<Item> & Pick<Item, 'controlCode' | 'form'>): Item {
  return {
    lineId: '1',
    description: overrides.element ? `${overrides.element} ${overrides.form}` : overrides.form,
    quantity: { amount: 100, unit: 'kg' },
    value: { amount: 50_000, currency: 'USD' },
    ...overrides,
  };
}

export const samariumOxide = item({
  controlCode: '1C902.b',
  element: 'samarium',
  form: 'oxide',
  description: 'samarium oxide',
});
export const holmiumMetal = item({
  controlCode: '1C909.a',
  element: 'holmium',
  form: 'metal',
  description: 'holmium metal',
});
export const terbiumMagnet = item({
  controlCode: '1C904.a',
  element: 'terbium',
  form: 'magnet_material',
  description: 'Tb-bearing NdFeB magnet material',
});

export function application(
  items: Item[],
  overrides: Partial<ApplicationForEvaluation> = {},
): ApplicationForEvaluation {
  return {
    applicationId: 'app-1',
    exporterId: 'exporter-1',
    licenseType: 'individual',
    items,
    consignee: civilParty('Magnetwerk GmbH'),
    endUser: civilParty('Motorenbau AG'),
    endUse: { category: 'civil', description: 'electric motors' },
    destination: 'DE',
    ...overrides,
  };
}

export const experiencedExporter: ExporterProfile = {
  exporterId: 'exporter-1',
  complianceProgrammeCertified: true,
  dualUseExportYears: 5,
  licensedExportsLastThreeYears: 40,
  penalisedWithinThreeYears: false,
  qualifiedForGeneralLicense: true,
};
