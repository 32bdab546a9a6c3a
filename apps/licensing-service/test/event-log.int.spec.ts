import {
  approvedApplication,
  auditor,
  exporterUser,
  officer,
  reviewer,
  ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';

/**
 * The event log API over HTTP (GET /audit/...): pages that follow their
 * cursors, time travel, and the refusals a client can get, each named.
 */
describe('the event log API', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
    await approvedApplication(client, 'app-log-1');
  });
  afterAll(() => service.dispose());

  it("pages through one stream's events backwards, following nextRevision to the start", async () => {
    const seen: number[] = [];
    let query = 'direction=backwards&limit=4';
    for (;;) {
      const reply = await client.get(`/audit/streams/application-app-log-1/events?${query}`, officer);
      expect(reply.status).toBe(200);
      seen.push(...(reply.body.events as { revision: number }[]).map((e) => e.revision));
      if (reply.body.nextRevision === null) break;
      query = `direction=backwards&limit=4&fromRevision=${reply.body.nextRevision as number}`;
    }
    expect(seen).toEqual([5, 4, 3, 2, 1, 0]);
    const first = await client.get('/audit/streams/application-app-log-1/events?limit=1', auditor);
    expect(first.body.events[0]).toMatchObject({
      type: 'ApplicationDrafted',
      streamId: 'application-app-log-1',
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      metadata: { actor: exporterUser.id, role: 'exporter', exporterIds: ['ningbo-magnetics'], recordedAt: NOW },
      integrity: { prevHash: '0'.repeat(64) },
    });
  });

  it('reads $all filtered, page by page with nextPosition, until null', async () => {
    const types: string[] = [];
    let fromPosition = '0';
    for (let pages = 0; ; pages += 1) {
      expect(pages).toBeLessThan(20);
      const reply = await client.get(
        `/audit/events?fromPosition=${fromPosition}&limit=2&streamPrefix=application-app-log-&recordedFrom=${NOW}`,
        auditor,
      );
      expect(reply.status).toBe(200);
      types.push(...(reply.body.events as { type: string }[]).map((e) => e.type));
      if (reply.body.nextPosition === null) break;
      fromPosition = reply.body.nextPosition as string;
    }
    expect(types).toEqual([
      'ApplicationDrafted',
      'ApplicationSubmitted',
      'ApplicationAccepted',
      'ReviewerAssigned',
      'ReviewCompleted',
      'ApplicationApproved',
    ]);
    const approvals = await client.get('/audit/events?eventType=ApplicationApproved', officer);
    expect(approvals.body.events.map((e: { streamId: string }) => e.streamId)).toEqual(['application-app-log-1']);
    // The seeded policy (measures, announcements) was recorded long before: a window that ends then holds none of the case's events.
    const before = await client.get('/audit/events?recordedTo=2026-01-01T00:00:00Z&limit=1000', auditor);
    const seeded = (e: { streamId: string }) => /^(control-measure|announcement)-/.test(e.streamId);
    expect(before.body.events.every(seeded)).toBe(true);
  });

  it('answers any aggregate at a revision or an instant, and 404 where its stream has nothing', async () => {
    const reviewed = await client.get('/audit/streams/application-app-log-1/state?revision=4', auditor);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      streamId: 'application-app-log-1',
      aggregate: 'application',
      revision: 4,
      recordedAt: NOW,
      state: { status: 'reviewed', reviewerId: reviewer.id },
    });
    const now = await client.get(`/audit/streams/application-app-log-1/state?at=${NOW}`, officer);
    expect(now.body).toMatchObject({ revision: 5, state: { status: 'approved' } });
    const earlier = await client.get('/audit/streams/application-app-log-1/state?at=2026-11-23T01:59:59Z', officer);
    expect(earlier).toMatchObject({ status: 404, body: { code: 'audit.no_state' } });
    const notYet = await client.get('/audit/streams/application-app-log-1/state?revision=6', officer);
    expect(notYet).toMatchObject({ status: 404, body: { code: 'audit.no_state' } });
    const notAnAggregate = await client.get('/audit/streams/scratch-1/state?revision=0', officer);
    expect(notAnAggregate).toMatchObject({ status: 404, body: { code: 'audit.not_an_aggregate_stream' } });
  });

  it('refuses a bad query with 400 naming the parameter and the rule', async () => {
    const cases: [string, string][] = [
      ['/audit/streams/application-app-log-1/state', 'revision'],
      ['/audit/streams/application-app-log-1/state?revision=1&at=2026-11-23T02:00:00Z', 'at'],
      ['/audit/streams/application-app-log-1/state?revision=-1', 'revision'],
      ['/audit/streams/application-app-log-1/events?limit=1001', 'limit'],
      ['/audit/streams/application-app-log-1/events?direction=sideways', 'direction'],
      ['/audit/events?fromPosition=9223372036854775808', 'fromPosition'],
      ['/audit/events?fromPosition=abc', 'fromPosition'],
      ['/audit/events?recordedFrom=2026-11-23T00:00:00Z&recordedTo=2026-11-22T00:00:00Z', 'recordedTo'],
      ['/audit/events?recordedFrom=yesterday', 'recordedFrom'],
    ];
    for (const [url, field] of cases) {
      const reply = await client.get(url, auditor);
      expect({ url, status: reply.status, code: reply.body.code }).toEqual({
        url,
        status: 400,
        code: 'request.invalid',
      });
      expect({ url, fields: reply.body.errors.map((e: { field: string }) => e.field) }).toEqual({
        url,
        fields: expect.arrayContaining([field]),
      });
    }
    // An unknown parameter is refused too (the zod issue names the keys, for the whole query).
    const unknown = await client.get('/audit/events?streamId=application-app-log-1', auditor);
    expect(unknown).toMatchObject({ status: 400, body: { code: 'request.invalid' } });
    expect(JSON.stringify(unknown.body.errors)).toContain('streamId');
    const badId = await client.get('/audit/streams/%20bad/events', auditor);
    expect(badId).toMatchObject({ status: 400, body: { code: 'request.invalid_path_parameter' } });
  });

  it('is for licensing officers and auditors only', async () => {
    for (const url of [
      '/audit/events',
      '/audit/streams/application-app-log-1/events',
      '/audit/streams/application-app-log-1/state?revision=0',
    ]) {
      const refused = await client.get(url, exporterUser);
      expect({ url, status: refused.status, code: refused.body.code }).toEqual({
        url,
        status: 403,
        code: 'audit.forbidden',
      });
    }
  });
});
