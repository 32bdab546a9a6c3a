import {
  type As,
  auditor,
  exporterUser,
  officer,
  otherExporterUser,
  registerBaotou,
  registerNingbo,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const FIRST_DAY = '2026-03-02T02:00:00.000Z';
const LATER_DAY = '2026-11-23T02:00:00.000Z';

/** More exporters than a page or two, their names in another order than their ids. */
const registrations = [
  registerNingbo,
  registerBaotou,
  ...['Xiamen Tungsten', 'Ganzhou Magnets', 'Changsha Rare Metals', 'Anhui Magnets'].map((name, n) => ({
    ...registerNingbo,
    exporterId: `exp-list-${n}`,
    name: `${name} Co., Ltd.`,
    unifiedSocialCreditCode: `91330200MA2AB3CD${n}F`,
  })),
];
/** Registered after a restart on a later day: the registered-on range tells them apart. */
const laterRegistrations = ['Zhejiang Magnets', 'Baiyin Metals'].map((name, n) => ({
  ...registerBaotou,
  exporterId: `exp-later-${n}`,
  name: `${name} Co., Ltd.`,
  unifiedSocialCreditCode: `91150200MA0N12${n}4XY`,
}));

describe('GET /exporters (embedded service): pages, sorts, filters and scope', () => {
  const service = new RunningService();
  let client: ServiceClient;

  const post = async (path: string, body?: unknown) => {
    const reply = await client.post(path, officer, body);
    expect({ path, status: reply.status }).toEqual({ path, status: reply.status < 300 ? reply.status : 'a success' });
  };

  /** Every page, `limit` at a time: the ids in order, each page's size checked. */
  async function walk(as: As, query = '', limit = 2): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const reply = await client.get(`/exporters?limit=${limit}${query}${after}`, as);
      expect({ query, status: reply.status }).toEqual({ query, status: 200 });
      const page = reply.body.exporters as { id: string; exporterId: string }[];
      cursor = reply.body.nextCursor;
      if (cursor !== null) expect(page).toHaveLength(limit);
      for (const item of page) expect(item.exporterId).toBe(item.id);
      ids.push(...page.map((item) => item.id));
    } while (cursor !== null);
    return ids;
  }

  // Many commands in a row: on a loaded machine more than the default 5 s.
  beforeAll(async () => {
    client = await service.start(FIRST_DAY);
    for (const registration of registrations) await post('/exporters', registration);
    await post('/exporters/ningbo-magnetics/certify-compliance-programme', { certificateRef: 'ICP-2026-07' });
    await post('/exporters/ningbo-magnetics/qualify-for-general-licenses');
    await post('/exporters/exp-list-1/certify-compliance-programme', { certificateRef: 'ICP-2026-08' });
    await post('/exporters/exp-list-1/qualify-for-general-licenses');
    await post('/exporters/exp-list-1/disqualify-from-general-licenses', { reason: 'Penalised for diversion' });
    client = await service.start(LATER_DAY);
    for (const registration of laterRegistrations) await post('/exporters', registration);
  }, 30_000);
  afterAll(() => service.dispose());

  const everyId = () => [...registrations, ...laterRegistrations].map((r) => r.exporterId).sort();
  const byName = () =>
    [...registrations, ...laterRegistrations]
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
      .map((r) => r.exporterId);

  it('walks every exporter once, page by page, in each sort order both ways', async () => {
    expect(await walk(officer)).toEqual(everyId());
    expect(await walk(auditor, '&sort=-id', 3)).toEqual(everyId().reverse());
    expect(await walk(officer, '&sort=name')).toEqual(byName());
    expect(await walk(officer, '&sort=-name', 4)).toEqual(byName().reverse());
    const byDate = await walk(officer, '&sort=registeredOn');
    expect(byDate.slice(-2)).toEqual(laterRegistrations.map((r) => r.exporterId).sort());
    expect(await walk(officer, '&sort=-registeredOn', 3)).toEqual([...byDate].reverse());
  });

  it('filters by free text, standing, registration dates and id', async () => {
    const cases: [string, string[]][] = [
      ['&q=magnets', ['exp-later-0', 'exp-list-1', 'exp-list-3']],
      ['&q=MAG', ['exp-later-0', 'exp-list-1', 'exp-list-3', 'ningbo-magnetics']],
      ['&q=rare co', ['baotou-rare-earth', 'exp-list-2']],
      ['&q=exp-list', ['exp-list-0', 'exp-list-1', 'exp-list-2', 'exp-list-3']],
      ['&q=91150200MA0N1214', ['exp-later-1']],
      ['&standing=qualified', ['ningbo-magnetics']],
      ['&standing=disqualified', ['exp-list-1']],
      ['&standing=not_qualified&q=magnets', ['exp-later-0', 'exp-list-3']],
      ['&registeredFrom=2026-06-01', ['exp-later-0', 'exp-later-1']],
      ['&registeredTo=2026-03-02&q=baotou', ['baotou-rare-earth']],
      ['&registeredFrom=2026-03-03&registeredTo=2026-11-22', []],
      ['&exporterId=exp-list-2', ['exp-list-2']],
      ['&q=nosuchname', []],
    ];
    for (const [query, expected] of cases)
      expect({ query, ids: await walk(officer, query) }).toEqual({ query, ids: expected });
  });

  it('shows an exporter only itself, and refuses a reviewer', async () => {
    expect(await walk(exporterUser)).toEqual(['ningbo-magnetics']);
    expect(await walk(exporterUser, '&exporterId=baotou-rare-earth')).toEqual([]);
    expect(await walk(otherExporterUser, '&sort=-name')).toEqual(['baotou-rare-earth']);
    const refused = await client.get('/exporters', reviewer);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'exporter.forbidden' });
    const listed = await client.get('/exporters?exporterId=ningbo-magnetics', exporterUser);
    expect(listed.body.exporters).toEqual([
      {
        id: 'ningbo-magnetics',
        exporterId: 'ningbo-magnetics',
        name: registerNingbo.name,
        unifiedSocialCreditCode: registerNingbo.unifiedSocialCreditCode,
        registeredOn: '2026-03-02',
        complianceProgramme: { certificateRef: 'ICP-2026-07', certifiedOn: '2026-03-02' },
        generalLicense: { status: 'qualified', since: '2026-03-02' },
        revision: 2,
      },
    ]);
  });
});
