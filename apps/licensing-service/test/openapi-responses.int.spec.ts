import {
  type As,
  auditor,
  director,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  otherExporterUser,
  policyOfficer,
  registerNingbo,
  type Reply,
  reviewer,
  ServiceClient,
} from '@licensing/service-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { OpenApiContract } from './openapi-contract';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';

/**
 * Real answers of the service, each held to the OpenAPI document it serves
 * at /openapi.json: a documented status, content type, body schema and
 * headers (openapi-contract.ts). Commands, every read, the admin and public
 * endpoints, and the refusals, as problem details.
 */
describe('the answers of the service are the ones its OpenAPI document describes', () => {
  const service = new RunningService();
  let client: ServiceClient;
  let contract: OpenApiContract;

  /** Sends one request and holds its answer to the operation `path` (a template of the document). */
  async function expectDocumented(
    method: 'get' | 'post',
    path: string,
    url: string,
    as: As | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply> {
    const reply = method === 'get' ? await client.get(url, as, headers) : await client.post(url, as, body, headers);
    expect(contract.problems(method, path, reply)).toEqual([]);
    return reply;
  }

  beforeAll(async () => {
    client = await service.start(NOW);
    const served = await client.get('/openapi.json', auditor);
    contract = new OpenApiContract(served.body);
    expect(contract.problems('get', '/openapi.json', served)).toEqual([]);
  });
  afterAll(() => service.dispose());

  /** A command: `template` is the path of the document, `{id}` the stream it acts on. */
  const send = (template: string, id: string | null, as: As, body?: unknown, headers?: Record<string, string>) =>
    expectDocumented('post', template, id === null ? template : template.replace('{id}', id), as, body, headers);
  /** Actions on one stream, each answered 200. */
  async function actions(resource: string, id: string, steps: [string, As, unknown?][]): Promise<void> {
    for (const [action, as, body] of steps) {
      const reply = await send(`/${resource}/{id}/${action}`, id, as, body);
      expect({ action, status: reply.status }).toEqual({ action, status: 200 });
    }
  }

  it('answers a command 201 for a new stream and 200 for an action, with the outcome and its ETag', async () => {
    const registered = await send('/exporters', null, exporterUser, registerNingbo);
    expect({ status: registered.status, etag: registered.headers.get('etag') }).toEqual({ status: 201, etag: '"0"' });
    await actions('exporters', 'ningbo-magnetics', [
      ['certify-compliance-programme', officer, { certificateRef: 'ICP-2026-07' }],
      ['penalise', officer, { penaltyId: 'p-1', kind: 'fine', imposedOn: '2024-03-01', reason: 'Late filing' }],
    ]);

    expect((await send('/applications', null, exporterUser, magnetApplication('app-oa'))).status).toBe(201);
    await actions('applications', 'app-oa', [
      ['submit', exporterUser],
      ['accept', officer],
      ['request-documents', officer, { documents: ['End-user statement'], reason: 'Unsigned' }],
    ]);
    // Read while documents are pending, before the next steps close the request.
    const pending = await expectDocumented('get', '/applications/{id}', '/applications/app-oa', officer);
    expect(pending.body.pendingDocuments).toMatchObject({ documents: ['End-user statement'] });
    await actions('applications', 'app-oa', [
      ['supply-documents', exporterUser, { documents: [{ name: 'End-user statement', ref: 'DOC-1' }] }],
      ['assign-reviewer', officer, { reviewerId: reviewer.id }],
      ['complete-review', reviewer, { recommendation: 'approve', notes: 'End user verified on site' }],
      ['approve', director],
    ]);
    const license = { applicationId: 'app-oa', validFrom: '2026-11-23', validUntil: '2027-06-30' };
    expect((await send('/licenses', null, officer, license)).status).toBe(201);
    await actions('licenses', 'L-app-oa', [
      [
        'record-shipment',
        exporterUser,
        { shipmentId: 's-1', lines: [{ lineId: '1', quantity: 30 }], customsDeclarationRef: 'CD-1' },
      ],
      ['suspend', officer, { reason: 'End user under investigation', until: '2027-01-15' }],
    ]);

    // A rejection after a review that recommended it, a withdrawn draft, a corrected measure: more shapes of the views.
    await send('/applications', null, exporterUser, magnetApplication('app-oa-2'));
    await actions('applications', 'app-oa-2', [
      ['submit', exporterUser],
      ['accept', officer],
      ['assign-reviewer', officer, { reviewerId: reviewer.id }],
      ['complete-review', reviewer, { recommendation: 'reject', notes: 'End use unclear' }],
      ['reject', director, { reasons: ['Incomplete end-use statement'] }],
    ]);
    await send('/applications', null, exporterUser, magnetApplication('app-oa-3'));
    await actions('applications', 'app-oa-3', [['withdraw', exporterUser, {}]]);
    await actions('control-measures', 'no-57-2025', [
      [
        'record-correction',
        policyOfficer,
        { correction: { field: 'title', value: 'No. 57 (corrected)' }, reason: 'Typo' },
      ],
    ]);

    // The same key again: the remembered answer, marked as such.
    const key = { 'Idempotency-Key': 'oa-draft-4' };
    const first = await send('/applications', null, exporterUser, magnetApplication('app-oa-4'), key);
    const again = await send('/applications', null, exporterUser, magnetApplication('app-oa-4'), key);
    expect({ status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({
      status: first.status,
      replayed: 'true',
    });
  });

  it('answers every read with the documented document shape', async () => {
    const reads: [string, string, As][] = [
      ['/applications', '/applications', officer],
      ['/applications', '/applications?status=approved&asOf=2027-02-01', auditor],
      ['/applications/{id}', '/applications/app-oa', exporterUser],
      ['/applications/{id}', '/applications/app-oa-2', officer],
      ['/applications/{id}', '/applications/app-oa-3', exporterUser],
      ['/applications/{id}/decision-replay', '/applications/app-oa/decision-replay', auditor],
      ['/applications/{id}/decision-replay', '/applications/app-oa-2/decision-replay', officer],
      ['/applications/{id}/what-if', '/applications/app-oa/what-if', auditor],
      [
        '/applications/{id}/what-if',
        '/applications/app-oa-2/what-if?validOn=2025-03-01&knownAt=2025-03-01T00:00:00Z',
        officer,
      ],
      ['/audit/decisions', '/audit/decisions?measureId=no-18-2025', auditor],
      [
        '/audit/decisions',
        '/audit/decisions?measureId=no-57-2025&version=2&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        officer,
      ],
      ['/licenses', '/licenses', officer],
      ['/licenses', '/licenses?exporterId=ningbo-magnetics&asOf=2027-02-01', exporterUser],
      ['/licenses/{id}', '/licenses/L-app-oa', officer],
      ['/exporters/{id}', '/exporters/ningbo-magnetics', exporterUser],
      ['/rule-history/measures', '/rule-history/measures', reviewer],
      [
        '/rule-history/measures',
        '/rule-history/measures?validOn=2026-03-01&knownAt=2025-12-01T00:00:00Z',
        policyOfficer,
      ],
      ['/rule-history/measures/{measureId}', '/rule-history/measures/no-57-2025', policyOfficer],
      ['/rule-history/changes', '/rule-history/changes?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z', auditor],
      ['/ops/consumers', '/ops/consumers', opsUser],
      ['/openapi.json', '/openapi.json', exporterUser],
      ['/audit/streams/{streamId}/events', '/audit/streams/application-app-oa/events', auditor],
      [
        '/audit/streams/{streamId}/events',
        '/audit/streams/license-L-app-oa/events?direction=backwards&limit=1',
        officer,
      ],
      ['/audit/streams/{streamId}/events', '/audit/streams/license-nothing/events', auditor],
      ['/audit/events', '/audit/events?limit=5', auditor],
      [
        '/audit/events',
        '/audit/events?streamPrefix=exporter-&eventType=ExporterPenalised&recordedFrom=2020-01-01T00:00:00Z',
        officer,
      ],
      ['/audit/streams/{streamId}/state', '/audit/streams/license-L-app-oa/state?revision=1', auditor],
      ['/audit/streams/{streamId}/state', '/audit/streams/application-app-oa/state?at=2030-01-01T00:00:00Z', officer],
      ['/audit/streams/{streamId}/state', '/audit/streams/exporter-ningbo-magnetics/state?revision=0', auditor],
      [
        '/audit/streams/{streamId}/state',
        '/audit/streams/control-measure-no-57-2025/state?at=2025-11-01T00:00:00Z',
        auditor,
      ],
    ];
    for (const [path, url, as] of reads) {
      const reply = await expectDocumented('get', path, url, as);
      expect({ url, status: reply.status }).toEqual({ url, status: 200 });
    }
    // The view's ETag is the revision its body reports.
    const license = await client.get('/licenses/L-app-oa', officer);
    expect(license.headers.get('etag')).toBe(`"${license.body.revision as number}"`);
  });

  it('answers the admin operations and the public endpoints as documented', async () => {
    for (const path of ['/admin/scheduler/run', '/admin/read-models/rebuild']) {
      expect((await expectDocumented('post', path, path, opsUser)).status).toBe(200);
    }
    for (const path of [
      '/health/live',
      '/health/ready',
      '/metrics',
      '/.well-known/jwks.json',
      '/.well-known/openid-configuration',
    ]) {
      expect((await expectDocumented('get', path, path, null)).status).toBe(200);
    }
  });

  it('answers the verifiable log as documented: tree heads, its key, proofs, and the NDJSON streams line by line', async () => {
    const get = async (path: string, url: string, as: As = auditor) => {
      const reply = await expectDocumented('get', path, url, as);
      expect({ url, status: reply.status }).toEqual({ url, status: 200 });
      return reply;
    };
    // A head signed on demand (201, no body sent), by each role that may; then the newest is that one.
    const signed = await expectDocumented('post', '/audit/tree-heads', '/audit/tree-heads', auditor);
    expect(signed.status).toBe(201);
    expect((await expectDocumented('post', '/audit/tree-heads', '/audit/tree-heads', opsUser)).status).toBe(201);
    const latest = await get('/audit/tree-heads/latest', '/audit/tree-heads/latest', exporterUser);
    expect(latest.body.treeSize).toBe(signed.body.treeSize);

    const page = await get('/audit/tree-heads', '/audit/tree-heads?limit=1', reviewer);
    expect(page.body.treeHeads).toHaveLength(1);
    expect(page.body.next).toEqual(expect.any(Number));
    await get('/audit/tree-heads', `/audit/tree-heads?limit=2&before=${page.body.next as number}`, policyOfficer);
    await get('/audit/tree-heads', '/audit/tree-heads', officer);
    const key = await get('/audit/public-key', '/audit/public-key', exporterUser);
    expect(key.body.keyId).toBe(signed.body.keyId);

    const first = (await client.get('/audit/events?limit=1', auditor)).body.events[0] as { id: string };
    const size = signed.body.treeSize as number;
    await get('/audit/proofs/inclusion', `/audit/proofs/inclusion?eventId=${first.id}`, officer);
    const atSize = await get('/audit/proofs/inclusion', `/audit/proofs/inclusion?eventId=${first.id}&treeSize=${size}`);
    expect(atSize.body.inclusion).toMatchObject({ eventId: first.id, leafIndex: 0, treeSize: size });
    const byPlace = await get(
      '/audit/proofs/inclusion',
      `/audit/proofs/inclusion?streamId=${atSize.body.inclusion.streamId as string}&revision=0`,
    );
    expect(byPlace.body.inclusion).toEqual(atSize.body.inclusion);
    await get('/audit/proofs/consistency', `/audit/proofs/consistency?from=${size}`, exporterUser);
    const fromEmpty = await get('/audit/proofs/consistency', `/audit/proofs/consistency?from=0&to=${size}`);
    expect({ toSize: fromEmpty.body.toSize, proof: fromEmpty.body.proof }).toEqual({ toSize: size, proof: [] });

    // The NDJSON answers: each line is held to the one-line schema (openapi-contract.ts).
    for (const as of [auditor, opsUser]) {
      const verified = await get('/audit/verify', '/audit/verify', as);
      expect(verified.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      expect(verified.body.map((line: { kind: string }) => line.kind)).toEqual(['progress', 'report']);
      expect(verified.body.at(-1)).toMatchObject({ kind: 'report', ok: true, firstProblem: null, problems: 0 });
    }
    const exports: [string, string[]][] = [
      ['/audit/export', ['header', 'event', 'end']],
      [`/audit/export?treeSize=${size}&sinceTreeSize=${size - 1}`, ['header', 'consistency', 'event', 'end']],
      [
        '/audit/export?streamPrefix=license-&recordedFrom=2020-01-01T00:00:00Z&recordedTo=2030-01-01T00:00:00Z',
        ['header', 'event', 'end'],
      ],
    ];
    for (const [url, kinds] of exports) {
      const exported = await get('/audit/export', url);
      expect({ url, kinds: [...new Set(exported.body.map((line: { kind: string }) => line.kind))] }).toEqual({
        url,
        kinds,
      });
    }
    // A filtered export is not complete: each event carries its audit path.
    const filtered = await get('/audit/export', '/audit/export?streamPrefix=license-');
    expect(filtered.body[0]).toMatchObject({ kind: 'header', complete: false, filter: { streamPrefix: 'license-' } });
    expect(filtered.body.filter((line: { kind: string }) => line.kind === 'event')).toEqual(
      expect.arrayContaining([expect.objectContaining({ auditPath: expect.any(Array) })]),
    );

    // Its refusals, each a documented problem with its code.
    const refusals: [number, string, 'get' | 'post', string, string, As][] = [
      [400, 'request.invalid', 'get', '/audit/tree-heads', '/audit/tree-heads?limit=0', auditor],
      [400, 'request.invalid', 'get', '/audit/proofs/inclusion', '/audit/proofs/inclusion', officer],
      [
        400,
        'audit.bad_tree_sizes',
        'get',
        '/audit/proofs/consistency',
        `/audit/proofs/consistency?from=${size + 1}`,
        auditor,
      ],
      [400, 'request.invalid', 'get', '/audit/proofs/consistency', '/audit/proofs/consistency?from=-1', auditor],
      [400, 'audit.bad_tree_sizes', 'get', '/audit/export', `/audit/export?sinceTreeSize=${size + 1000}`, auditor],
      [
        400,
        'request.invalid',
        'get',
        '/audit/export',
        '/audit/export?recordedFrom=2026-02-01T00:00:00Z&recordedTo=2026-01-01T00:00:00Z',
        auditor,
      ],
      [403, 'audit.forbidden', 'post', '/audit/tree-heads', '/audit/tree-heads', exporterUser],
      [403, 'audit.forbidden', 'get', '/audit/verify', '/audit/verify', officer],
      [403, 'audit.forbidden', 'get', '/audit/export', '/audit/export', officer],
      [
        403,
        'audit.forbidden',
        'get',
        '/audit/proofs/inclusion',
        `/audit/proofs/inclusion?eventId=${first.id}`,
        reviewer,
      ],
      [
        404,
        'audit.no_tree_head',
        'get',
        '/audit/proofs/inclusion',
        `/audit/proofs/inclusion?eventId=${first.id}&treeSize=1`,
        auditor,
      ],
      [
        404,
        'audit.event_not_in_tree',
        'get',
        '/audit/proofs/inclusion',
        '/audit/proofs/inclusion?eventId=no-such-event',
        officer,
      ],
      [
        404,
        'audit.event_not_found',
        'get',
        '/audit/proofs/inclusion',
        '/audit/proofs/inclusion?streamId=application-none&revision=0',
        officer,
      ],
      [
        400,
        'request.invalid',
        'get',
        '/audit/proofs/inclusion',
        `/audit/proofs/inclusion?eventId=${first.id}&streamId=application-none&revision=0`,
        officer,
      ],
      [404, 'audit.no_tree_head', 'get', '/audit/proofs/consistency', '/audit/proofs/consistency?from=1', exporterUser],
      [
        404,
        'audit.no_tree_head',
        'get',
        '/audit/proofs/consistency',
        `/audit/proofs/consistency?from=0&to=${size + 1000}`,
        auditor,
      ],
      [404, 'audit.no_tree_head', 'get', '/audit/export', '/audit/export?treeSize=1', auditor],
    ];
    for (const [status, code, method, path, url, as] of refusals) {
      const reply = await expectDocumented(method, path, url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
  });

  it('refuses with problem details of a status the operation documents', async () => {
    const refusals: [number, 'get' | 'post', string, string, As | null, unknown?, Record<string, string>?][] = [
      [401, 'get', '/licenses', '/licenses', null],
      [401, 'post', '/applications/{id}/approve', '/applications/app-oa/approve', null],
      [403, 'get', '/licenses', '/licenses', policyOfficer],
      [403, 'post', '/admin/scheduler/run', '/admin/scheduler/run', auditor],
      [404, 'get', '/applications/{id}', '/applications/no-such-application', officer],
      [404, 'get', '/applications/{id}', '/applications/app-oa', otherExporterUser],
      [404, 'get', '/applications/{id}/decision-replay', '/applications/app-oa-3/decision-replay', auditor],
      [404, 'get', '/applications/{id}/decision-replay', '/applications/no-such-application/decision-replay', auditor],
      [404, 'get', '/applications/{id}/what-if', '/applications/app-oa-3/what-if', officer],
      [400, 'get', '/applications/{id}/what-if', '/applications/app-oa/what-if?validOn=tomorrow', auditor],
      [
        400,
        'get',
        '/applications/{id}/decision-replay',
        '/applications/app-oa/decision-replay?asOf=2026-01-01',
        auditor,
      ],
      [400, 'get', '/audit/decisions', '/audit/decisions', auditor],
      [400, 'get', '/audit/decisions', '/audit/decisions?measureId=no-18-2025&version=0', auditor],
      [
        400,
        'get',
        '/audit/decisions',
        '/audit/decisions?measureId=no-18-2025&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        auditor,
      ],
      [403, 'get', '/audit/decisions', '/audit/decisions?measureId=no-18-2025', exporterUser],
      [404, 'get', '/rule-history/measures/{measureId}', '/rule-history/measures/no-such-measure', reviewer],
      [404, 'post', '/licenses/{id}/revoke', '/licenses/L-nothing/revoke', officer, { reason: 'Gone' }],
      [400, 'get', '/applications', '/applications?status=lost', officer],
      [400, 'get', '/licenses/{id}', '/licenses/%20bad', officer],
      [400, 'get', '/rule-history/changes', '/rule-history/changes?from=yesterday', auditor],
      [400, 'get', '/audit/events', '/audit/events?limit=0&colour=red', auditor],
      [400, 'get', '/audit/streams/{streamId}/state', '/audit/streams/license-L-app-oa/state', auditor],
      [403, 'get', '/audit/events', '/audit/events', exporterUser],
      [404, 'get', '/audit/streams/{streamId}/state', '/audit/streams/license-L-app-oa/state?revision=99', officer],
      [404, 'get', '/audit/streams/{streamId}/state', '/audit/streams/scratch-1/state?revision=0', auditor],
      [400, 'post', '/licenses/{id}/suspend', '/licenses/L-app-oa/suspend', officer, { reason: '', colour: 'red' }],
      [409, 'post', '/applications/{id}/approve', '/applications/app-oa/approve', director],
      [409, 'post', '/licenses/{id}/reinstate', '/licenses/L-app-oa/reinstate', officer, {}, { 'If-Match': '"0"' }],
      [
        422,
        'post',
        '/applications',
        '/applications',
        exporterUser,
        magnetApplication('app-oa-5'),
        { 'Idempotency-Key': 'oa-draft-4' },
      ],
    ];
    for (const [status, method, path, url, as, body, headers] of refusals) {
      const reply = await expectDocumented(method, path, url, as, body, headers);
      expect({ url, status: reply.status, type: reply.headers.get('content-type') }).toEqual({
        url,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });

  it('answers the edge refusals (malformed JSON 400, 413, 415) as documented', async () => {
    const send = async (body: string, contentType: string) => {
      const response = await fetch(`${client.url}/licenses/L-app-oa/amend`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await client.token(officer)}`, 'Content-Type': contentType },
        body,
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown };
    };
    const answers = [
      await send('{"reason": ', 'application/json'),
      await send(JSON.stringify({ reason: 'x'.repeat(1024 * 1024) }), 'application/json'),
      await send('reason=x', 'text/plain'),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 413, 415]);
    for (const reply of answers) expect(contract.problems('post', '/licenses/{id}/amend', reply)).toEqual([]);
  });

  it('would notice an answer that is not the documented one', () => {
    expect(contract.check({ $ref: '#/components/schemas/LicenseView' }, {})).not.toEqual([]);
    const reply = { status: 418, headers: new Headers({ 'content-type': 'application/json' }), body: {} };
    expect(contract.problems('get', '/licenses', reply)).toEqual(['GET /licenses 418: status not documented']);
    const undocumented = { ...reply, status: 200, body: { asOf: '2026-11-23', licenses: [], extra: true } };
    expect(contract.problems('get', '/licenses', undocumented)).not.toEqual([]);
    // An NDJSON answer is held to the document line by line.
    const ndjson = new Headers({ 'content-type': 'application/x-ndjson; charset=utf-8' });
    const progress = { kind: 'progress', checkedEvents: 1, recordedLeaves: 1 };
    expect(contract.problems('get', '/audit/verify', { status: 200, headers: ndjson, body: [progress] })).toEqual([]);
    const badLine = contract.problems('get', '/audit/verify', {
      status: 200,
      headers: ndjson,
      body: [progress, { kind: 'done' }],
    });
    expect(badLine).not.toEqual([]);
    expect(badLine.filter((found) => !found.startsWith('GET /audit/verify 200 line 2'))).toEqual([]);
    expect(
      contract.problems('get', '/audit/verify', { status: 200, headers: ndjson, body: [{ ...progress, extra: 1 }] }),
    ).not.toEqual([]);
  });
});

describe('a rate-limited service documents its 429 and answers it so', () => {
  it('refuses the request over the limit with problem details and Retry-After', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openapi-429-'));
    const { app, url } = await startService(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        CLOCK_FIXED_AT: NOW,
        LOG_LEVEL: 'error',
        SCHEDULER_INTERVAL_MS: '0',
        RATE_LIMIT_PER_MINUTE: '1',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
      }),
    );
    try {
      const limited = new ServiceClient(url, { dataDir });
      const served = await limited.get('/openapi.json', auditor);
      const contract = new OpenApiContract(served.body);
      const refused = await limited.get('/licenses', auditor);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(contract.problems('get', '/licenses', refused)).toEqual([]);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
