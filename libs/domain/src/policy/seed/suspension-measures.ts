import { publish, suspension } from './publication';
import { SeedEntry } from './seed-policy-event';

/** No. 70 of 2025: suspends the October package except No. 18, which stays in force. */
export const NO_70_SUSPENDED = ['no-55-2025', 'no-56-2025', 'no-57-2025', 'no-58-2025', 'no-61-2025', 'no-62-2025'];

export function no70Of2025(): SeedEntry[] {
  return [
    publish({
      measureId: 'no-70-2025',
      title: 'Suspension of Nos. 55, 56, 57, 58, 61 and 62 of 2025',
      issuer: 'MOFCOM',
      announcementNumber: 'No. 70 of 2025',
      publishedOn: '2025-11-07',
      // It controls nothing itself: its effect is the suspension recorded in each suspended measure's stream.
      provisions: [],
    }),
    ...NO_70_SUSPENDED.map((measureId) =>
      suspension({ measureId, orderedBy: 'no-70-2025', from: '2025-11-07', until: '2026-11-10' }),
    ),
  ];
}

/**
 * No. 46 of 2024 and No. 72 of 2025, the second, independent suspension
 * window. Choices, because our sources are thin here:
 * - No. 46's publication date is not in our reference; 2024-12-03 is taken
 *   from the public record and is correctable by a policy event.
 * - Our sources describe No. 46 only as "gallium, germanium, antimony,
 *   superhard materials to the US" and say No. 72 suspends "part of" it. We
 *   model that description as one provision and No. 72 as suspending that
 *   provision; any other clauses of No. 46 are not in our sources.
 * - Its treatment is modelled as "license required for US destinations", the
 *   weakest reading; item forms are left open (every form) and superhard
 *   materials have no control code or element in our sources, so only the
 *   three elements are listed.
 */
export function no46Of2024AndNo72Of2025(): SeedEntry[] {
  return [
    publish({
      measureId: 'no-46-2024',
      title: 'Export control on gallium, germanium, antimony and superhard materials to the United States',
      issuer: 'MOFCOM',
      announcementNumber: 'No. 46 of 2024',
      publishedOn: '2024-12-03',
      provisions: [
        {
          provisionId: 'ga-ge-sb-superhard-us',
          summary: 'Gallium, germanium, antimony and superhard materials exported to the United States.',
          effectiveFrom: '2024-12-03',
          controls: ['gallium', 'germanium', 'antimony'].map((element) => ({
            element,
            destinations: ['US'],
            description: `${element}, to the United States`,
          })),
          rules: [{ kind: 'license_required' }],
        },
      ],
    }),
    publish({
      measureId: 'no-72-2025',
      title: 'Suspension of part of No. 46 of 2024',
      issuer: 'MOFCOM',
      announcementNumber: 'No. 72 of 2025',
      publishedOn: '2025-11-09',
      provisions: [],
    }),
    suspension({
      measureId: 'no-46-2024',
      orderedBy: 'no-72-2025',
      from: '2025-11-09',
      until: '2026-11-27',
      provisionIds: ['ga-ge-sb-superhard-us'],
    }),
  ];
}
