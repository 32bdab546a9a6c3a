import {
  auditor,
  exporterUser,
  issuedLicense,
  magnetApplication,
  officer,
  otherExporterUser,
  opsUser,
  reviewer,
  type As,
  type ServiceClient,
  registerBaotou,
} from '@licensing/service-testing';
import { commandRoutes } from '../src/commands/command-routes';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const otherReviewer: As = { id: 'zhou.bo', role: 'reviewer' };
const shipment = { shipmentId: 'shp-x', lines: [{ lineId: '1', quantity: 5 }], customsDeclarationRef: 'CD-X' };
const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe('data scope (embedded service over HTTP): exporters see their own, reviewers their assigned', () => {
  const service = new RunningService();
  let client: ServiceClient;

  /** Every read model's position: unchanged means nothing was appended anywhere. */
  const positions = async () =>
    (await client.get('/ops/consumers', opsUser)).body.readModels.map((m: { position: string }) => m.position);

  beforeAll(async () => {
    client = await service.start(NOW);
    // Ningbo (li.wei): approved, reviewed by wang.fang, licensed.
    await issuedLicense(client, 'app-ningbo', '2026-11-23', '2027-11-22');
    // Baotou (wu.hao): under review by zhou.bo.
    const steps: [string, As, unknown?][] = [
      ['/exporters', otherExporterUser, registerBaotou],
      ['/applications', otherExporterUser, magnetApplication('app-baotou', { exporterId: 'baotou-rare-earth' })],
      ['/applications/app-baotou/submit', otherExporterUser],
      ['/applications/app-baotou/accept', officer],
      ['/applications/app-baotou/assign-reviewer', officer, { reviewerId: otherReviewer.id }],
    ];
    for (const [path, as, body] of steps) expect((await client.post(path, as, body)).status).toBeLessThan(300);
  });
  afterAll(() => service.dispose());

  it("answers another exporter's application, license and exporter view 404, exactly like an unknown one", async () => {
    // The same problem, word for word, once each names its own id.
    const anonymous = (body: unknown, id: string) => JSON.parse(JSON.stringify(body).replaceAll(id, 'X'));
    for (const [resource, theirs, unknown] of [
      ['applications', 'app-ningbo', 'app-nope'],
      ['licenses', 'L-app-ningbo', 'L-app-nope'],
      ['exporters', 'ningbo-magnetics', 'nope'],
    ] as const) {
      const refused = await client.get(`/${resource}/${theirs}`, otherExporterUser);
      const missing = await client.get(`/${resource}/${unknown}`, otherExporterUser);
      expect(refused.status).toBe(404);
      expect(anonymous(refused.body, theirs)).toEqual(anonymous(missing.body, unknown));
    }
    expect((await client.get('/applications/app-ningbo', exporterUser)).status).toBe(200);
    expect((await client.get('/exporters/baotou-rare-earth', otherExporterUser)).status).toBe(200);
  });

  it("lists only the exporter's own cases, whatever the filter asks for", async () => {
    expect(ids((await client.get('/applications', otherExporterUser)).body.applications)).toEqual(['app-baotou']);
    expect(ids((await client.get('/applications', exporterUser)).body.applications)).toEqual(['app-ningbo']);
    const asked = await client.get('/applications?exporterId=ningbo-magnetics', otherExporterUser);
    expect(asked.body.applications).toEqual([]);
    expect((await client.get('/licenses', otherExporterUser)).body.licenses).toEqual([]);
    expect(ids((await client.get('/licenses', exporterUser)).body.licenses)).toEqual(['L-app-ningbo']);
  });

  it('refuses to draft or register for an exporter the user does not act for, and stores nothing', async () => {
    const before = await positions();
    const draft = await client.post('/applications', exporterUser, magnetApplication('app-stolen', registerBaotou));
    expect(draft).toMatchObject({ status: 404, body: { code: 'exporter.not_found' } });
    expect(draft.body.detail).toContain('baotou-rare-earth');
    const register = await client.post('/exporters', exporterUser, { ...registerBaotou, exporterId: 'baotou-2' });
    expect(register).toMatchObject({ status: 404, body: { code: 'exporter.not_found' } });
    expect(await positions()).toEqual(before);
    expect((await client.get('/applications/app-stolen', officer)).status).toBe(404);
  });

  it("answers a shipment on another exporter's license 404 and stores nothing", async () => {
    const before = await client.get('/licenses/L-app-ningbo', officer);
    const refused = await client.post('/licenses/L-app-ningbo/record-shipment', otherExporterUser, shipment);
    expect(refused).toMatchObject({ status: 404, body: { code: 'license.not_found' } });
    const after = await client.get('/licenses/L-app-ningbo', officer);
    expect({ revision: after.body.revision, shipments: after.body.shipments }).toEqual({
      revision: before.body.revision,
      shipments: [],
    });
    // Another exporter's application is refused just the same.
    const withdraw = await client.post('/applications/app-baotou/withdraw', exporterUser, { reason: 'Mine now' });
    expect(withdraw).toMatchObject({ status: 404, body: { code: 'application.not_found' } });
  });

  it('shows each reviewer only the applications assigned to them', async () => {
    expect(ids((await client.get('/applications', reviewer)).body.applications)).toEqual(['app-ningbo']);
    expect(ids((await client.get('/applications', otherReviewer)).body.applications)).toEqual(['app-baotou']);
    expect((await client.get('/applications/app-baotou', reviewer)).status).toBe(404);
    expect((await client.get('/applications/app-baotou', otherReviewer)).status).toBe(200);
    expect((await client.get('/exporters/baotou-rare-earth', otherReviewer)).status).toBe(403);
  });

  it('lets an auditor read everything', async () => {
    const applications = (await client.get('/applications', auditor)).body.applications;
    expect(ids(applications)).toEqual(['app-baotou', 'app-ningbo']);
    for (const path of [
      '/applications/app-baotou',
      '/licenses/L-app-ningbo',
      '/exporters/ningbo-magnetics',
      '/exporters/baotou-rare-earth',
      '/applications/app-ningbo/decision-replay',
      '/rule-history/measures',
      '/ops/consumers',
      '/openapi.json',
    ])
      expect({ path, status: (await client.get(path, auditor)).status }).toEqual({ path, status: 200 });
  });

  it('refuses every command from an auditor with 403 and stores nothing', async () => {
    const before = await positions();
    const target: Record<string, string> = {
      exporters: 'ningbo-magnetics',
      applications: 'app-baotou',
      licenses: 'L-app-ningbo',
      'control-measures': 'no-57-2025',
    };
    for (const [resource, routes] of Object.entries(commandRoutes)) {
      for (const route of routes) {
        const path = route.action === null ? `/${resource}` : `/${resource}/${target[resource]}/${route.action}`;
        const refused = await client.post(path, auditor, {});
        expect({ path, status: refused.status, code: refused.body.code }).toEqual({
          path,
          status: 403,
          code: expect.stringMatching(/\.forbidden$/),
        });
      }
    }
    expect(await positions()).toEqual(before);
  });
});
