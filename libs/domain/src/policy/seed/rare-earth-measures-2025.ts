import { Provision } from '../provisions';
import {
  NO_18_ELEMENTS,
  NO_57_ELEMENTS,
  rareEarthEntriesAnyForm,
  rareEarthMagnetsAndTargets,
  rareEarthSubItems,
} from './rare-earth-items';
import { publish } from './publication';
import { SeedEntry } from './seed-policy-event';

/**
 * No. 18 of 2025 and the 9 October 2025 package. Co-issuers are in our
 * sources only for No. 18 (MOFCOM/GAC); the package is recorded as MOFCOM's.
 */
const PACKAGE_DATE = '2025-10-09';
const PACKAGE_IN_FORCE = '2025-11-08';
const ALL_CONTROLLED_RARE_EARTHS = [...NO_18_ELEMENTS, ...NO_57_ELEMENTS];

function itemList(effectiveFrom: string, summary: string, controls: Provision['controls']): Provision {
  return { provisionId: 'item-list', summary, effectiveFrom, controls, rules: [{ kind: 'license_required' }] };
}

export function no18Of2025(): SeedEntry {
  return publish({
    measureId: 'no-18-2025',
    title: 'Export control on seven medium and heavy rare earths',
    issuer: 'MOFCOM/GAC',
    announcementNumber: 'No. 18 of 2025',
    publishedOn: '2025-04-04',
    provisions: [
      itemList(
        '2025-04-04',
        'Samarium, gadolinium, terbium, dysprosium, lutetium, scandium, yttrium: metal, alloys, targets, magnet materials (Sm-Co, Tb-bearing NdFeB), oxides, compounds.',
        rareEarthSubItems(NO_18_ELEMENTS),
      ),
    ],
  });
}

/** No. 61's clause split is our reading: the de minimis and technology rules take effect on 2025-12-01, screening on publication. */
function no61Provisions(): Provision[] {
  return [
    {
      provisionId: 'clause-1',
      summary:
        'Foreign-made magnet materials and targets holding Chinese-origin controlled rare earths worth 0.1 % or more of the value.',
      effectiveFrom: '2025-12-01',
      controls: rareEarthMagnetsAndTargets(ALL_CONTROLLED_RARE_EARTHS),
      rules: [{ kind: 'de_minimis', thresholdPercent: 0.1 }],
    },
    {
      provisionId: 'clause-2',
      summary: 'Foreign items made with Chinese rare-earth technology.',
      effectiveFrom: '2025-12-01',
      controls: rareEarthEntriesAnyForm(ALL_CONTROLLED_RARE_EARTHS),
      rules: [{ kind: 'foreign_direct_product', technologyControlCodes: ['1E902'] }],
    },
    {
      provisionId: 'clause-3',
      summary:
        'Denial in principle for foreign military users, listed parties and their 50 %-owned affiliates, and military or WMD end uses; case-by-case review for advanced chips and military-capable AI research.',
      effectiveFrom: PACKAGE_DATE,
      controls: [
        ...rareEarthEntriesAnyForm(ALL_CONTROLLED_RARE_EARTHS),
        { controlCode: '2B902', description: 'rare-earth production equipment and auxiliary materials' },
        { controlCode: '1E902', description: 'rare-earth technologies' },
      ],
      rules: [
        {
          kind: 'deny_end_user',
          grounds: ['military_end_user', 'listed_party'],
          affiliateOwnershipThresholdPercent: 50,
        },
        { kind: 'deny_end_use', grounds: ['military_end_use', 'wmd_end_use'] },
        { kind: 'case_by_case', endUses: ['advanced_semiconductors', 'military_ai'] },
      ],
    },
  ];
}

export function october2025Package(): SeedEntry[] {
  const base = { issuer: 'MOFCOM', publishedOn: PACKAGE_DATE };
  return [
    publish({
      ...base,
      measureId: 'no-55-2025',
      title: 'Export control on superhard materials, their equipment and technology',
      announcementNumber: 'No. 55 of 2025',
      // Control codes are not in our sources: the list is empty until a policy officer corrects it.
      provisions: [itemList(PACKAGE_IN_FORCE, 'Superhard materials and their equipment and technology.', [])],
    }),
    publish({
      ...base,
      measureId: 'no-56-2025',
      title: 'Export control on rare-earth production equipment and auxiliary materials',
      announcementNumber: 'No. 56 of 2025',
      provisions: [
        itemList(PACKAGE_IN_FORCE, 'Rare-earth production equipment and auxiliary materials.', [
          {
            controlCode: '2B902',
            forms: ['equipment', 'auxiliary_material'],
            description: 'rare-earth production equipment and auxiliary materials',
          },
        ]),
      ],
    }),
    publish({
      ...base,
      measureId: 'no-57-2025',
      title: 'Export control on five more medium and heavy rare earths',
      announcementNumber: 'No. 57 of 2025',
      provisions: [
        itemList(
          PACKAGE_IN_FORCE,
          'Holmium, erbium, thulium, europium, ytterbium in the same item forms as No. 18.',
          rareEarthSubItems(NO_57_ELEMENTS),
        ),
      ],
    }),
    publish({
      ...base,
      measureId: 'no-58-2025',
      title: 'Export control on lithium batteries, cathode and graphite anode materials and equipment',
      announcementNumber: 'No. 58 of 2025',
      // Control codes are not in our sources: the list is empty until a policy officer corrects it.
      provisions: [
        itemList(PACKAGE_IN_FORCE, 'Lithium batteries, cathode and graphite anode materials and equipment.', []),
      ],
    }),
    publish({
      ...base,
      measureId: 'no-61-2025',
      title: 'Extraterritorial export control on rare-earth items',
      announcementNumber: 'No. 61 of 2025',
      provisions: no61Provisions(),
    }),
    publish({
      ...base,
      measureId: 'no-62-2025',
      title: 'Export control on rare-earth technologies',
      announcementNumber: 'No. 62 of 2025',
      provisions: [
        itemList(
          PACKAGE_DATE,
          'Mining, separation, smelting, magnet making, recycling (1E902.a); building and servicing those lines (1E902.b).',
          [
            {
              controlCode: '1E902.a',
              forms: ['technology'],
              description: 'rare-earth mining, separation, smelting, magnet making and recycling technology',
            },
            {
              controlCode: '1E902.b',
              forms: ['technology'],
              description: 'technology for building and servicing rare-earth lines',
            },
          ],
        ),
      ],
    }),
  ];
}
