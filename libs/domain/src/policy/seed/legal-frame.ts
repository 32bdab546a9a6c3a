import { SeedEntry } from './seed-policy-event';
import { publish } from './publication';

/**
 * The legal frame every measure sits in. Our sources give these two
 * instruments' in-force dates only, so the seed records the in-force date as
 * the publication date; a policy officer corrects `publishedOn` if needed.
 */
export const EXPORT_CONTROL_LAW = 'export-control-law';
export const ORDER_792 = 'state-council-order-792';

export function legalFrame(): SeedEntry[] {
  return [
    publish({
      measureId: EXPORT_CONTROL_LAW,
      title: 'Export Control Law of the PRC',
      issuer: 'NPC Standing Committee',
      announcementNumber: 'Export Control Law',
      publishedOn: '2020-12-01',
      // The frame itself controls no item; measures under it do.
      provisions: [],
    }),
    publish({
      measureId: ORDER_792,
      title: 'Regulations on the Export Control of Dual-Use Items',
      issuer: 'State Council',
      announcementNumber: 'State Council Order No. 792',
      publishedOn: '2024-12-01',
      provisions: [
        {
          provisionId: 'general-license-conditions',
          summary:
            'General licenses: several exports of listed items to named end users, valid up to three years, for experienced and compliant exporters.',
          effectiveFrom: '2024-12-01',
          controls: [],
          rules: [
            {
              kind: 'general_license_conditions',
              // The 2009 rules' numbers; unconfirmed under the 2024 rules, hence data with `confirmed: false`.
              // "A steady volume of licensed exports" has no number in our sources, so it is left unchecked.
              conditions: {
                complianceProgrammeRequired: true,
                minDualUseExportYears: 2,
                penaltyFreeYears: 3,
                qualificationRequired: true,
                confirmed: false,
                source:
                  '2009 general-license rules, the best public guide; whether the 2024 rules keep them is unconfirmed',
              },
            },
          ],
        },
      ],
    }),
  ];
}
