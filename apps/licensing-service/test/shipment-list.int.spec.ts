import {
  type As,
  approvedApplication,
  auditor,
  director,
  exporterUser,
  magnetApplication,
  officer,
  otherExporterUser,
  policyOfficer,
  registerBaotou,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const VALIDITY = { validFrom: '2026-11-23', validUntil: '2027-06-30' };

const magnets = magnetApplication('unused').application.items[0];
const terbiumOxide = {
  ...magnets,
  lineId: '2',
  controlCode: '1C904.b',
  element: 'terbium',
  form: 'oxide',
  description: 'Terbium oxide 99.99 %',
  quantity: { amount: 40, unit: 'kg' },
};
const endUserIn = (country: string) => ({
  ...magnetApplication('unused').application.endUser,
  name: `End user in ${country}`,
  country,
});

describe('GET /shipments (embedded service): pages, the lines’ and destinations’ filters, scope', () => {
  const service = new RunningService();
  let client: ServiceClient;

  async function ok(path: string, as: As, body?: unknown): Promise<void> {
    const reply = await client.post(path, as, body);
    expect({ path, status: reply.status < 300 ? 'ok' : reply.status }).toEqual({ path, status: 'ok' });
  }
  const ship = (licenseId: string, shipmentId: string, lineId: string, as: As = exporterUser) =>
    ok(`/licenses/${licenseId}/record-shipment`, as, {
      shipmentId,
      lines: [{ lineId, quantity: 1 }],
      customsDeclarationRef: `CD-${licenseId}-${shipmentId}`,
    });

  /** Every page, `limit` at a time: the ids in order, each full page checked. */
  async function walk(as: As, query = '', limit = 2): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const reply = await client.get(`/shipments?limit=${limit}${query}${after}`, as);
      expect({ query, status: reply.status }).toEqual({ query, status: 200 });
      cursor = reply.body.nextCursor;
      if (cursor !== null) expect(reply.body.shipments).toHaveLength(limit);
      ids.push(...reply.body.shipments.map((s: { id: string }) => s.id));
    } while (cursor !== null);
    return ids;
  }

  // Many commands in a row: on a loaded machine more than the default 5 s.
  beforeAll(async () => {
    client = await service.start(NOW);
    // Ningbo: a two-line license to Germany, a one-line license to Japan.
    await approvedApplication(client, 'sl-a', {
      items: [magnets, terbiumOxide],
      endUser: endUserIn('DE'),
      destination: 'DE',
    });
    await ok('/licenses', officer, { applicationId: 'sl-a', ...VALIDITY });
    await approvedApplication(client, 'sl-b', { endUser: endUserIn('JP'), destination: 'JP' });
    await ok('/licenses', officer, { applicationId: 'sl-b', ...VALIDITY });
    await ship('L-sl-a', 's-1', '1');
    await ship('L-sl-a', 's-2', '2');
    await ship('L-sl-a', 's-3', '2');
    await ok('/licenses/L-sl-a/cancel-shipment', officer, { shipmentId: 's-3', reason: 'Never left' });
    await ship('L-sl-b', 's-1', '1');
    await ship('L-sl-b', 's-2', '1');
    // Baotou: terbium oxide to Germany.
    await ok('/exporters', otherExporterUser, registerBaotou);
    const baotou = { exporterId: 'baotou-rare-earth', items: [{ ...terbiumOxide, lineId: '1' }] };
    await ok('/applications', otherExporterUser, magnetApplication('sl-c', baotou));
    await ok('/applications/sl-c/submit', otherExporterUser);
    await ok('/applications/sl-c/accept', officer);
    await ok('/applications/sl-c/assign-reviewer', officer, { reviewerId: reviewer.id });
    await ok('/applications/sl-c/complete-review', reviewer, { recommendation: 'approve', notes: 'Verified' });
    await ok('/applications/sl-c/approve', director);
    await ok('/licenses', officer, { applicationId: 'sl-c', ...VALIDITY });
    await ship('L-sl-c', 's-1', '1', otherExporterUser);
  }, 30_000);
  afterAll(() => service.dispose());

  const EVERY = ['L-sl-a/s-1', 'L-sl-a/s-2', 'L-sl-a/s-3', 'L-sl-b/s-1', 'L-sl-b/s-2', 'L-sl-c/s-1'];

  it('walks every shipment once, page by page, both ways', async () => {
    expect(await walk(officer)).toEqual(EVERY);
    expect(await walk(auditor, '&sort=-shippedOn', 4)).toEqual([...EVERY].reverse());
  });

  it('filters by the control codes and elements of the lines a shipment draws on, and by destination', async () => {
    const cases: [string, string[]][] = [
      ['&controlCode=1C904.b', ['L-sl-a/s-2', 'L-sl-a/s-3', 'L-sl-c/s-1']],
      ['&element=TERBIUM&sort=-id', ['L-sl-c/s-1', 'L-sl-a/s-3', 'L-sl-a/s-2']],
      ['&element=samarium', ['L-sl-a/s-1', 'L-sl-b/s-1', 'L-sl-b/s-2']],
      ['&destination=JP', ['L-sl-b/s-1', 'L-sl-b/s-2']],
      ['&destination=DE&controlCode=1C902.a', ['L-sl-a/s-1']],
      ['&destination=DE&element=terbium&status=cancelled', ['L-sl-a/s-3']],
      ['&customsRef=cd-l-sl-a&element=terbium', ['L-sl-a/s-2', 'L-sl-a/s-3']],
      ['&destination=US', []],
      ['&licenseId=L-sl-b&controlCode=1C904.b', []],
    ];
    for (const [query, expected] of cases) {
      expect({ query, ids: await walk(officer, query) }).toEqual({ query, ids: expected });
    }
    const invalid = await client.get('/shipments?destination=Germany', officer);
    expect({ status: invalid.status, code: invalid.body.code }).toEqual({ status: 400, code: 'request.invalid' });
  });

  it('lists an exporter’s own shipments only, in the SQL, and none of another’s', async () => {
    expect(await walk(exporterUser, '&controlCode=1C904.b')).toEqual(['L-sl-a/s-2', 'L-sl-a/s-3']);
    expect(await walk(otherExporterUser, '&destination=DE')).toEqual(['L-sl-c/s-1']);
    expect(await walk(otherExporterUser, '&exporterId=ningbo-magnetics')).toEqual([]);
    // No amendment under review: the reviewer reads no license, so no shipment.
    expect(await walk(reviewer, '&element=terbium')).toEqual([]);
    const refused = await client.get('/shipments?destination=DE', policyOfficer);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'license.forbidden' });
  });
});
