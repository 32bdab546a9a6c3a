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
import { waitUntil } from '@licensing/contracts/testing';
import type { EventStore } from '@licensing/event-store';
import { ProjectionRunner } from '@licensing/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { EVENT_STORE } from '../src/infrastructure/tokens';
import { holdReadsFromTheStart } from './held-reads';
import { OpenApiContract } from './openapi-contract';
import { TailClient } from './live-tail-client';
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
      ['/audit/decisions', '/audit/decisions?measureId=no-18-2025&sort=-position&limit=1', auditor],
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
      ['/ops/parked-events', '/ops/parked-events', opsUser],
      ['/ops/parked-events', '/ops/parked-events?state=parked', auditor],
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
    // GET /decisions: app-oa approved, app-oa-2 rejected, both reviewed by `reviewer`.
    const approved = await client.get('/applications/app-oa', officer);
    const measureId = String(approved.body.decision.record.measures[0].measureId);
    const decisionReads: [string, As, string[]][] = [
      ['/decisions', officer, ['app-oa', 'app-oa-2']],
      ['/decisions?sort=-decidedOn&limit=1&decidedFrom=2020-01-01', auditor, ['app-oa-2']],
      ['/decisions?verdict=rejected', reviewer, ['app-oa-2']],
      [`/decisions?exporterId=ningbo-magnetics&verdict=approved&measureId=${measureId}`, exporterUser, ['app-oa']],
    ];
    for (const [url, as, listed] of decisionReads) {
      const reply = await expectDocumented('get', '/decisions', url, as);
      const ids = (reply.body.decisions as { id: string }[]).map((d) => d.id);
      expect({ url, status: reply.status, ids }).toEqual({ url, status: 200, ids: listed });
    }
    for (const [status, code, url, as] of [
      [400, 'request.invalid_cursor', '/decisions?cursor=nope', auditor],
      [403, 'application.forbidden', '/decisions', policyOfficer],
    ] as const) {
      const reply = await expectDocumented('get', '/decisions', url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
    // GET /exporters: ningbo-magnetics alone is registered, certified and penalised; a reviewer reads no exporter.
    for (const [url, as, listed] of [
      ['/exporters', officer, ['ningbo-magnetics']],
      [
        '/exporters?q=ningbo&standing=not_qualified&registeredFrom=2020-01-01&sort=-name&limit=1',
        auditor,
        ['ningbo-magnetics'],
      ],
      ['/exporters?exporterId=ningbo-magnetics&sort=registeredOn', exporterUser, ['ningbo-magnetics']],
      ['/exporters', otherExporterUser, []],
    ] as const) {
      const reply = await expectDocumented('get', '/exporters', url, as);
      const ids = (reply.body.exporters as { id: string }[]).map((e) => e.id);
      expect({ url, status: reply.status, ids }).toEqual({ url, status: 200, ids: listed });
    }
    for (const [status, code, url, as] of [
      [400, 'request.invalid_cursor', '/exporters?cursor=nope', officer],
      [400, 'request.invalid', '/exporters?standing=revoked', officer],
      [403, 'exporter.forbidden', '/exporters', reviewer],
    ] as const) {
      const reply = await expectDocumented('get', '/exporters', url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
    // The view's ETag is the revision its body reports.
    const license = await client.get('/licenses/L-app-oa', officer);
    expect(license.headers.get('etag')).toBe(`"${license.body.revision as number}"`);
  });

  it('answers each work queue with its documented page, and its refusals as problems', async () => {
    await send('/applications', null, exporterUser, magnetApplication('app-oa-5'));
    await actions('applications', 'app-oa-5', [['submit', exporterUser]]);
    await send('/applications', null, exporterUser, magnetApplication('app-oa-6'));
    await actions('applications', 'app-oa-6', [
      ['submit', exporterUser],
      ['accept', officer],
      ['assign-reviewer', officer, { reviewerId: reviewer.id }],
    ]);
    // L-app-oa is suspended until 2027-01-15: active again on 2027-02-01, with 70 of 100 kg left.
    const queues: [string, string, As, string | null][] = [
      ['awaiting-acceptance', '', officer, 'app-oa-5'],
      ['unassigned', '', auditor, null],
      ['assigned-to-me', '?limit=1', reviewer, 'app-oa-6'],
      ['awaiting-decision', '', director, null],
      ['deadlines-due', '?withinWorkingDays=45', reviewer, 'app-oa-6'],
      ['expiring-licenses', '?asOf=2027-02-01&withinDays=366', auditor, 'L-app-oa'],
      ['nearly-exhausted', '?asOf=2027-02-01&thresholdPercent=70', officer, 'L-app-oa'],
    ];
    for (const [queue, query, as, first] of queues) {
      const path = `/work-queues/${queue}`;
      const reply = await expectDocumented('get', path, `${path}${query}`, as);
      expect({ queue, status: reply.status, first: reply.body.items[0]?.id ?? null }).toEqual({
        queue,
        status: 200,
        first,
      });
    }
    const refusals: [number, string, string, As][] = [
      [403, 'work_queue.forbidden', '/work-queues/awaiting-acceptance', exporterUser],
      [403, 'work_queue.forbidden', '/work-queues/assigned-to-me', officer],
      [400, 'request.invalid', '/work-queues/deadlines-due?withinDays=3', officer],
      [400, 'request.invalid_cursor', '/work-queues/expiring-licenses?cursor=nope', auditor],
    ];
    for (const [status, code, url, as] of refusals) {
      const reply = await expectDocumented('get', url.split('?')[0] as string, url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
  });

  it('answers the admin operations and the public endpoints as documented', async () => {
    const scheduler = await expectDocumented('post', '/admin/scheduler/run', '/admin/scheduler/run', opsUser);
    expect(scheduler.status).toBe(200);
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

  it('answers the rebuilds as documented: started (202, Location), followed, listed, and the refusals', async () => {
    // The shadows' first reads of $all are held, so the rebuild is surely running while its refusals are asked for.
    const held = holdReadsFromTheStart(service.provider<EventStore>(EVENT_STORE));
    const rebuild = '/admin/read-models/rebuild';
    let started: Reply;
    let location: string;
    try {
      started = await expectDocumented('post', rebuild, rebuild, opsUser);
      location = started.headers.get('location') ?? '';
      expect({ status: started.status, location }).toEqual({
        status: 202,
        location: `/ops/rebuilds/${started.body.id}`,
      });
      const running = await expectDocumented('get', '/ops/rebuilds/{id}', location, auditor);
      expect(running.body.state).toBe('running');
      const refusals: [number, string, 'get' | 'post', string, string, As][] = [
        [409, 'admin.rebuild_in_progress', 'post', rebuild, `${rebuild}?readModel=license-state`, opsUser],
        [400, 'request.invalid', 'post', rebuild, `${rebuild}?readModel=no-such-model`, opsUser],
        [403, 'admin.forbidden', 'post', rebuild, rebuild, auditor],
        [404, 'ops.rebuild_not_found', 'get', '/ops/rebuilds/{id}', '/ops/rebuilds/999999', opsUser],
        [400, 'request.invalid_path_parameter', 'get', '/ops/rebuilds/{id}', '/ops/rebuilds/%20bad', opsUser],
        [403, 'ops.forbidden', 'get', '/ops/rebuilds', '/ops/rebuilds', officer],
      ];
      for (const [status, code, method, path, url, as] of refusals) {
        const reply = await expectDocumented(method, path, url, as);
        expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
      }
    } finally {
      held.release();
    }

    const finished = await service.provider<ProjectionRunner>(ProjectionRunner).rebuilds.finished(started.body.id);
    expect(finished?.state).toBe('completed');
    const one = await expectDocumented('get', '/ops/rebuilds/{id}', location, opsUser);
    expect(one.body).toMatchObject({ state: 'completed', etaSeconds: null, error: null });
    const listed = await expectDocumented('get', '/ops/rebuilds', '/ops/rebuilds', auditor);
    expect(listed.body.rebuilds[0]).toEqual(one.body);
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

  it('answers the backups as documented: one taken (named or not), the list, and the refusals', async () => {
    const named = await expectDocumented('post', '/ops/backups', '/ops/backups', opsUser, { name: 'oa-backup' });
    expect({ status: named.status, name: named.body.name }).toEqual({ status: 201, name: 'oa-backup' });
    expect((await expectDocumented('post', '/ops/backups', '/ops/backups', opsUser)).status).toBe(201);
    for (const as of [opsUser, auditor]) {
      const listed = await expectDocumented('get', '/ops/backups', '/ops/backups', as);
      expect({ status: listed.status, backups: listed.body.backups.length }).toEqual({ status: 200, backups: 2 });
    }
    const refusals: [number, string, As, unknown][] = [
      [400, 'request.invalid', opsUser, { name: '../outside' }],
      [400, 'request.invalid', opsUser, { name: 'ok', colour: 'red' }],
      [403, 'ops.forbidden', auditor, { name: 'by-an-auditor' }],
      [409, 'backup.exists', opsUser, { name: 'oa-backup' }],
    ];
    for (const [status, code, as, body] of refusals) {
      const reply = await expectDocumented('post', '/ops/backups', '/ops/backups', as, body);
      expect({ body, status: reply.status, code: reply.body?.code }).toEqual({ body, status, code });
    }
  });

  it('answers the announcements as documented: one recorded, its acts applied or refused, the list, and the refusals', async () => {
    const announcement = {
      announcementId: 'no-90-2026',
      number: 'No. 90 of 2026',
      issuer: 'MOFCOM',
      publishedOn: '2026-11-20',
      textRef: 'MOFCOM Announcement No. 90 of 2026',
      acts: [
        {
          kind: 'extend',
          actId: 'extend-62',
          measureId: 'no-62-2025',
          suspensionId: 'no-70-2025',
          until: '2027-11-10',
        },
        { kind: 'lift', actId: 'lift-18', measureId: 'no-18-2025', suspensionId: 'no-70-2025', on: '2026-12-01' },
      ],
    };
    const recorded = await expectDocumented('post', '/announcements', '/announcements', policyOfficer, announcement);
    expect(recorded.status).toBe(201);
    // The process manager applies the acts after the answer.
    await waitUntil(
      async () => (await client.get('/announcements/no-90-2026', auditor)).body.status === 'settled',
      'the acts of No. 90 to be settled',
    );
    const one = await expectDocumented('get', '/announcements/{id}', '/announcements/no-90-2026', exporterUser);
    expect(one.body.acts.map((view: { state: string }) => view.state)).toEqual(['applied', 'refused']);
    for (const [url, as] of [
      ['/announcements', reviewer],
      ['/announcements?status=settled', officer],
      ['/announcements?status=pending', opsUser],
    ] as const) {
      expect((await expectDocumented('get', '/announcements', url, as)).status).toBe(200);
    }
    expect((await expectDocumented('get', '/announcements/{id}', '/announcements/no-70-2025', auditor)).status).toBe(
      200,
    );
    const refusals: [number, string, 'get' | 'post', string, As, unknown?][] = [
      [409, 'announcement.illegal_transition', 'post', '/announcements', policyOfficer, announcement],
      [
        422,
        'announcement.no_acts',
        'post',
        '/announcements',
        policyOfficer,
        { ...announcement, announcementId: 'no-91-2026', acts: [] },
      ],
      [
        400,
        'request.invalid',
        'post',
        '/announcements',
        policyOfficer,
        { ...announcement, announcementId: 'no-92-2026', acts: [{ ...announcement.acts[0], untill: '2027-11-10' }] },
      ],
      [
        403,
        'announcement.forbidden',
        'post',
        '/announcements',
        officer,
        { ...announcement, announcementId: 'no-93-2026' },
      ],
      [404, 'announcement.not_found', 'get', '/announcements/no-99-2099', auditor],
      [400, 'request.invalid', 'get', '/announcements?status=lost', auditor],
    ];
    for (const [status, code, method, url, as, body] of refusals) {
      const path = url.startsWith('/announcements/') ? '/announcements/{id}' : '/announcements';
      const reply = await expectDocumented(method, path, url, as, body);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
  });

  it('answers the live tail as documented: its Server-Sent Events message by message, and its refusals', async () => {
    const url = `${client.url}/ops/events/live`;
    const tail = await TailClient.open(`${url}?from=0&category=application`, await client.token(auditor));
    try {
      const messages = await tail.messages(5);
      expect(tail.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(contract.problems('get', '/ops/events/live', tail.reply(messages))).toEqual([]);
    } finally {
      tail.close();
    }
    const refusals: [number, string, As | null, Record<string, string>][] = [
      [400, '?from=x', opsUser, {}],
      [400, '', opsUser, { 'Last-Event-ID': 'x' }],
      [401, '', null, {}],
      [403, '', officer, {}],
    ];
    for (const [status, query, as, headers] of refusals) {
      const refused = await TailClient.open(`${url}${query}`, as === null ? null : await client.token(as), headers);
      const reply = { status: refused.status, headers: refused.response.headers, body: await refused.problem() };
      expect({ query, status: reply.status }).toEqual({ query, status });
      expect(contract.problems('get', '/ops/events/live', reply)).toEqual([]);
    }
    // A message that is not one of the documented two is caught.
    const odd = {
      status: 200,
      headers: new Headers({ 'content-type': 'text/event-stream' }),
      body: [{ event: 'x', data: {} }],
    };
    expect(contract.problems('get', '/ops/events/live', odd)).not.toEqual([]);
  });

  it('answers the corrections, the amendment requests and the documents as documented', async () => {
    // L-app-oa: 30 kg shipped as s-1 above, suspended until 2027-01-15 (a correction of history is still allowed).
    await actions('licenses', 'L-app-oa', [
      [
        'correct-shipment',
        exporterUser,
        { shipmentId: 's-1', lines: [{ lineId: '1', quantity: 20 }], reason: 'Weighed' },
      ],
      ['cancel-shipment', officer, { shipmentId: 's-1', reason: 'Never left' }],
      [
        'request-amendment',
        exporterUser,
        { amendmentRequestId: 'amd-oa', changes: { quantities: [{ lineId: '1', quantity: 120 }] }, reason: 'More' },
      ],
      ['assign-amendment-reviewer', officer, { amendmentRequestId: 'amd-oa', reviewerId: reviewer.id }],
      ['complete-amendment-review', reviewer, { amendmentRequestId: 'amd-oa', recommendation: 'approve', notes: '' }],
      ['approve-amendment', director, { amendmentRequestId: 'amd-oa' }],
    ]);
    const license = await expectDocumented('get', '/licenses/{id}', '/licenses/L-app-oa', reviewer);
    expect(license.body.amendmentRequests[0].status).toBe('approved');
    // The amendment's decision, audited from the log like an application's.
    const replayed = await expectDocumented(
      'get',
      '/licenses/{id}/decision-replay',
      '/licenses/L-app-oa/decision-replay?amendmentRequestId=amd-oa',
      auditor,
    );
    expect(replayed.body).toMatchObject({ amendmentRequestId: 'amd-oa', outcome: 'approved', matches: true });
    const whatIf = await expectDocumented(
      'get',
      '/licenses/{id}/what-if',
      '/licenses/L-app-oa/what-if?amendmentRequestId=amd-oa&validOn=2025-03-01&knownAt=2025-03-01T00:00:00Z',
      officer,
    );
    expect(whatIf.body).toMatchObject({ changed: true, whatIf: { verdict: 'not_controlled' } });
    // Listed with the decisions that relied on the measures its record lists.
    const usingNo18 = await expectDocumented(
      'get',
      '/audit/decisions',
      '/audit/decisions?measureId=no-18-2025',
      auditor,
    );
    expect(usingNo18.body.decisions).toContainEqual(
      expect.objectContaining({ licenseId: 'L-app-oa', amendmentRequestId: 'amd-oa', outcome: 'approved' }),
    );
    for (const [status, code, path, url, as] of [
      [
        404,
        'license.unknown_amendment_request',
        'decision-replay',
        'L-app-oa/decision-replay?amendmentRequestId=amd-no',
        auditor,
      ],
      [404, 'license.not_found', 'what-if', 'L-none/what-if?amendmentRequestId=amd-oa', officer],
      [400, 'request.invalid', 'decision-replay', 'L-app-oa/decision-replay', auditor],
      [400, 'request.invalid', 'what-if', 'L-app-oa/what-if?amendmentRequestId=amd-oa&knownAt=soon', auditor],
      [403, 'audit.forbidden', 'what-if', 'L-app-oa/what-if?amendmentRequestId=amd-oa', exporterUser],
      [403, 'license.forbidden', 'decision-replay', 'L-app-oa/decision-replay?amendmentRequestId=amd-oa', reviewer],
    ] as const) {
      const reply = await expectDocumented('get', `/licenses/{id}/${path}`, `/licenses/${url}`, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }
    expect(license.body.shipments[0].status).toBe('cancelled');
    // GET /shipments: the cancelled shipment listed with its state; the amendment's reviewer reads its license's.
    const shipmentReads: [string, As][] = [
      ['/shipments?status=cancelled&customsRef=cd-', auditor],
      ['/shipments?licenseId=L-app-oa', reviewer],
      ['/shipments?controlCode=1C902.a&element=Samarium&destination=DE&sort=-shippedOn', officer],
      ['/shipments?exporterId=ningbo-magnetics&shippedFrom=2020-01-01&sort=-shippedOn&limit=1', exporterUser],
    ];
    for (const [url, as] of shipmentReads) {
      const reply = await expectDocumented('get', '/shipments', url, as);
      const listed = (reply.body.shipments as { id: string; status: string }[]).map((s) => `${s.id} ${s.status}`);
      expect({ url, status: reply.status, listed }).toEqual({ url, status: 200, listed: ['L-app-oa/s-1 cancelled'] });
    }
    for (const [status, code, url, as] of [
      [400, 'request.invalid_cursor', '/shipments?cursor=nope', officer],
      [400, 'request.invalid', '/shipments?asOf=2027-01-01', officer],
      [403, 'license.forbidden', '/shipments', policyOfficer],
    ] as const) {
      const reply = await expectDocumented('get', '/shipments', url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
    }

    // The matrix's way: a JSON body is a document of type application/json; stored once, then found again.
    const bytes = { certificate: 'EUC-OA', signed: true };
    const stored = await expectDocumented('post', '/documents', '/documents', exporterUser, bytes);
    const again = await expectDocumented('post', '/documents', '/documents', exporterUser, bytes);
    expect([stored.status, again.status]).toEqual([201, 200]);
    const sha256 = String(stored.body.sha256);
    const drafted = await send(
      '/applications',
      null,
      exporterUser,
      magnetApplication('app-oa-docs', { documents: [{ name: 'End-user certificate', ref: 'EUC-OA', sha256 }] }),
    );
    expect(drafted.status).toBe(201);
    const view = await expectDocumented('get', '/applications/{id}', '/applications/app-oa-docs', officer);
    expect(view.body.documents[0]).toMatchObject({ sha256, mediaType: 'application/json' });
    const read = await expectDocumented('get', '/documents/{id}', `/documents/${sha256}`, exporterUser);
    expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: bytes });
    for (const [status, path, as] of [
      [404, `/documents/${sha256}`, otherExporterUser],
      [404, `/documents/${'0'.repeat(64)}`, auditor],
      [403, `/documents/${sha256}`, policyOfficer],
    ] as const)
      expect((await expectDocumented('get', '/documents/{id}', path, as)).status).toBe(status);
    expect((await expectDocumented('post', '/documents', '/documents', exporterUser)).status).toBe(400);
    expect((await expectDocumented('post', '/documents', '/documents', officer, bytes)).status).toBe(403);
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
      [400, 'get', '/audit/decisions', '/audit/decisions?measureId=no-18-2025&cursor=not-a-cursor', auditor],
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
      // Parked events (their 200s: parked-events.int.spec.ts, which parks one): unknown, stale, no reason, wrong role.
      [404, 'post', '/ops/parked-events/{id}/retry', '/ops/parked-events/license-state:1/retry', opsUser],
      [
        409,
        'post',
        '/ops/parked-events/{id}/retry',
        '/ops/parked-events/relay:1/retry',
        opsUser,
        {},
        { 'If-Match': '"3"' },
      ],
      [400, 'post', '/ops/parked-events/{id}/skip', '/ops/parked-events/relay:1/skip', opsUser, {}],
      [403, 'post', '/ops/parked-events/{id}/skip', '/ops/parked-events/relay:1/skip', auditor, { reason: 'x' }],
      [400, 'get', '/ops/parked-events', '/ops/parked-events?state=lost', auditor],
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
