import { approvedApplication } from '@licensing/service-testing';
import { RunningService } from './running-service';
import { auditor, director, exporterUser, officer, type ServiceClient } from '@licensing/service-testing';
import { magnetApplication, registerNingbo } from '@licensing/service-testing';

const NOW = '2026-11-23T02:00:00.000Z';

describe('command endpoints (embedded service over HTTP)', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
  });
  afterAll(() => service.dispose());

  it('approves with the rules in force today and records them, so the decision replays to the same answer', async () => {
    await approvedApplication(client, 'app-ok');
    const application = await client.get('/applications/app-ok', officer);
    expect(application.status).toBe(200);
    expect(application.headers.get('etag')).toBe('"5"');
    expect(application.body).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', approverId: director.id },
    });
    expect(application.body.decision.record).toMatchObject({
      validOn: '2026-11-23',
      knownAt: NOW,
      verdict: 'license_required',
    });
    expect(application.body.decision.measuresApplied.map((m: { measureId: string }) => m.measureId)).toEqual([
      'no-18-2025',
    ]);
    const replay = await client.get('/applications/app-ok/decision-replay', auditor);
    expect(replay.body).toMatchObject({
      matches: true,
      differences: { same: true, outcomes: [], measures: [] },
      integrity: { ok: true, application: { streamId: 'application-app-ok', ok: true } },
    });
  });

  it('answers a repeated Idempotency-Key with the first result and stores nothing new, also after a restart', async () => {
    const body = magnetApplication('app-idem');
    const first = await client.post('/applications', exporterUser, body, { 'Idempotency-Key': 'draft-app-idem' });
    expect(first.status).toBe(201);
    const again = await client.post('/applications', exporterUser, body, { 'Idempotency-Key': 'draft-app-idem' });
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    client = await service.start(NOW);
    const afterRestart = await client.post('/applications', exporterUser, body, {
      'Idempotency-Key': 'draft-app-idem',
    });
    expect(afterRestart).toMatchObject({ status: 201, body: first.body });
    expect((await client.get('/applications/app-idem', exporterUser)).body.revision).toBe(0);

    const reused = await client.post('/applications', exporterUser, magnetApplication('app-other'), {
      'Idempotency-Key': 'draft-app-idem',
    });
    expect(reused).toMatchObject({ status: 422, body: { code: 'request.idempotency_key_reused' } });
  });

  it('derives the id of a new stream from the Idempotency-Key, so a retry cannot create a twin', async () => {
    const { exporterId: _chosen, ...withoutId } = registerNingbo;
    const first = await client.post('/exporters', officer, withoutId, { 'Idempotency-Key': 'register-unnamed' });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await client.get(`/exporters/${first.body.id}`, officer)).status).toBe(200);
  });

  it('honours If-Match: the current ETag succeeds, a stale one is a 409 naming the current revision', async () => {
    await client.post('/applications', exporterUser, magnetApplication('app-etag'));
    const stale = await client.post('/applications/app-etag/submit', exporterUser, undefined, { 'If-Match': '"7"' });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'concurrency.revision_conflict', currentRevision: '0', expectedRevision: '7' },
    });
    const current = await client.post('/applications/app-etag/submit', exporterUser, undefined, { 'If-Match': '"0"' });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"1"');
    const malformed = await client.post(
      '/applications/app-etag/withdraw',
      exporterUser,
      {},
      { 'If-Match': 'yesterday' },
    );
    expect(malformed).toMatchObject({ status: 400, body: { code: 'request.invalid_if_match' } });
  });

  it('refuses bad input with problem details naming each field and rule, and stores nothing', async () => {
    const body = magnetApplication('app-bad');
    const typo = await client.post('/applications', exporterUser, { ...body, aplication: {} });
    expect(typo.status).toBe(400);
    expect(typo.headers.get('content-type')).toContain('application/problem+json');
    expect(typo.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'unrecognized_keys' })]));

    const noItems = await client.post('/applications', exporterUser, {
      ...body,
      application: { ...body.application, items: 'none' },
    });
    expect(noItems.status).toBe(400);
    expect(noItems.body.errors).toEqual([
      expect.objectContaining({ field: 'application.items', rule: 'invalid_type' }),
    ]);
    expect((await client.get('/applications/app-bad', exporterUser)).status).toBe(404);
  });

  it('needs an actor, refuses the wrong role with 403, a wrong state with 409, and names unknown actions', async () => {
    await client.post('/applications', exporterUser, magnetApplication('app-roles'));
    expect(await client.post('/applications/app-roles/submit', null)).toMatchObject({
      status: 401,
      body: { code: 'request.unauthenticated' },
    });
    expect((await client.post('/applications/app-roles/accept', exporterUser)).status).toBe(403);
    expect(await client.post('/applications/app-roles/approve', officer)).toMatchObject({
      status: 409,
      body: { code: 'application.illegal_transition' },
    });
    expect(await client.post('/applications/app-roles/launch', officer)).toMatchObject({
      status: 404,
      body: { code: 'request.unknown_action' },
    });
    expect((await client.get('/applications/app-roles', exporterUser)).body.revision).toBe(0);
  });

  it('refuses to approve an export to a military end user and records the denial with the rejection', async () => {
    const military = {
      name: 'Naval Yard 7',
      country: 'DE',
      militaryUser: true,
      listed: false,
      ownedByListedPartiesPercent: 0,
    };
    await expect(approvedApplication(client, 'app-denied', { endUser: military })).rejects.toThrow(
      /approve answered 422.*application.decision_denies/,
    );
    const rejected = await client.post('/applications/app-denied/reject', director, { reasons: ['Military end user'] });
    expect(rejected.status).toBe(200);
    const view = (await client.get('/applications/app-denied', officer)).body;
    expect(view).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', record: { verdict: 'deny' } } });
  });

  it('issues one license per application, with the facts of the approved application', async () => {
    await approvedApplication(client, 'app-lic');
    const issued = await client.post('/licenses', officer, {
      applicationId: 'app-lic',
      validFrom: '2026-11-23',
      validUntil: '2027-06-30',
    });
    expect(issued).toMatchObject({ status: 201, body: { id: 'L-app-lic', revision: '0' } });
    const twin = await client.post('/licenses', officer, {
      applicationId: 'app-lic',
      validFrom: '2026-11-23',
      validUntil: '2027-06-30',
    });
    expect(twin).toMatchObject({ status: 422, body: { code: 'license.already_issued' } });
    const license = (await client.get('/licenses/L-app-lic', officer)).body;
    expect(license).toMatchObject({
      status: 'active',
      applicationId: 'app-lic',
      items: [expect.objectContaining({ licensed: 100, remaining: 100 })],
    });
  });

  it('publishes an OpenAPI document generated from the same schemas', async () => {
    const { body } = await client.get('/openapi.json', auditor);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/applications/{id}/approve',
        '/licenses/{id}/record-shipment',
        '/control-measures/{id}/suspend',
      ]),
    );
    const draft = body.paths['/applications'].post.requestBody.content['application/json'].schema;
    expect(draft.required).toEqual(['application']);
    expect(draft.additionalProperties).toBe(false);
  });
});
