import {
  allowedRoles,
  type CommandType,
  commandTypes,
  DomainError,
  inScope,
  isAllowed,
  isOperation,
  type Operation,
  operations,
  permissions,
  PersonRole,
  requireRole,
  type ResourceOwner,
} from '@licensing/domain';
import { type As, auditor, officer, type Reply, type ServiceClient } from '@licensing/service-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventCount } from './support/access-event-count';
import {
  actorOf,
  commandBodies,
  operationBodies,
  createMatrixFixtures,
  exporterIdOf,
  listedFixtures,
  matrixUsers,
  operationQueries,
  type PathQueryValues,
  requiredQueryValues,
  resolveQueryValues,
  type Resource,
  type ResourceKind,
  resources,
  type Side,
  SIDES,
} from './support/access-matrix-fixtures';
import { ServiceProcess } from './support/service-process';

/**
 * The access matrix, generated rather than written: every operation of the
 * service's own OpenAPI document (method, path and its `x-operation`, the
 * row of the permissions table), sent by a user of every person role, to
 * the user's own resource and to another exporter's, through real HTTP to
 * the built service. The expected answer of each cell is computed from the
 * table with the domain's pure functions (`isAllowed`, `inScope`):
 *
 * - the role is not in the row: 403 `<scope>.forbidden`, naming the roles that may;
 * - the role is, but the resource is outside its data scope: 404, the same
 *   answer an id that does not exist gets;
 * - allowed and in scope: the request gets past authorization (for lists: 200
 *   with only what is in scope). Commands on an existing stream carry a stale
 *   `If-Match`, which the service checks only once the data scope has let the
 *   actor in, so an allowed cell answers 409 `concurrency.revision_conflict`
 *   and changes nothing: no cell depends on another's order.
 *
 * No refused request may store anything (events.sqlite, read-only).
 */

const CLOCK = '2026-11-23T02:00:00Z';
/** A revision no fixture stream reaches. */
const STALE_IF_MATCH = '"999999"';
/** An id that exists nowhere: what a refusal for "out of scope" must be indistinguishable from. */
const MISSING_ID = 'mx-missing';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const PUBLIC_PATH = /^\/(health\/|\.well-known\/|metrics$|oauth\/)/;
/** The local issuer's sign-in for the console: public too, but it answers only a well-formed OAuth request. */
const SIGN_IN_PATH = /^\/oauth\//;

type Json = Record<string, any>;

interface DocumentOperation {
  readonly method: string;
  readonly path: string;
  readonly operation: Json;
}

type Expectation = 'allowed' | 'forbidden' | 'hidden' | 'unauthenticated';
/** `ask`: a question with a body about data it names (a pre-check), storing nothing. */
type CellKind = 'action' | 'create' | 'read' | 'list' | 'ask' | 'other';

interface Cell {
  readonly label: string;
  readonly operation: Operation;
  readonly kind: CellKind;
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly as: As | null;
  readonly side: Side | 'none';
  readonly body?: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly expected: Expectation;
  /** The success statuses the document gives the operation (200; 201 for an action that makes something). */
  readonly success: readonly number[];
  /** The resource the path id names, if any. */
  readonly target?: Resource & { readonly template: string };
  /** A list filtered by an exporter: what must be there, and the scope every item must be in. */
  readonly list?: { readonly key: string; readonly exporterId: string; readonly mustInclude: readonly string[] };
}

/** Which fixture a path id addresses (the path with every parameter written `{id}`). */
const pathTargets: readonly { readonly pattern: RegExp; readonly kind: ResourceKind }[] = [
  { pattern: /^\/exporters\/\{id\}(\/|$)/, kind: 'exporter' },
  // A replay and a what-if need a recorded decision: the approved application.
  { pattern: /^\/applications\/\{id\}\/(decision-replay|what-if)$/, kind: 'decidedApplication' },
  { pattern: /^\/applications\/\{id\}(\/|$)/, kind: 'reviewApplication' },
  { pattern: /^\/licenses\/\{id\}(\/|$)/, kind: 'license' },
  { pattern: /^\/control-measures\/\{id\}(\/|$)/, kind: 'measure' },
  { pattern: /^\/rule-history\/measures\/\{id\}$/, kind: 'measure' },
  { pattern: /^\/announcements\/\{id\}$/, kind: 'announcement' },
  { pattern: /^\/audit\/streams\/\{id\}\//, kind: 'stream' },
  { pattern: /^\/ops\/parked-events\/\{id\}\//, kind: 'parkedEvent' },
  { pattern: /^\/ops\/rebuilds\/\{id\}$/, kind: 'rebuild' },
  { pattern: /^\/documents\/\{id\}$/, kind: 'document' },
];

/** JSON with object keys sorted, to compare records regardless of key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const withIdParameter = (path: string) => path.replace(/\{[^}]+\}/g, '{id}');
const isCommand = (operation: string): operation is CommandType => (commandTypes as string[]).includes(operation);
const isPublic = ({ operation }: DocumentOperation) =>
  !Array.isArray(operation['security']) || operation['security'].length === 0;
const nameOf = ({ method, path }: DocumentOperation) => `${method.toUpperCase()} ${path}`;

function documentOperations(document: Json): DocumentOperation[] {
  return Object.entries(document['paths'] as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation: operation as Json })),
  );
}

/** The table's answer for one role and resource (`owner` absent: the operation addresses none). */
function expectationFor(operation: Operation, as: As, owner: ResourceOwner | undefined): Expectation {
  if (!isAllowed(operation, as.role)) return 'forbidden';
  if (owner !== undefined && !inScope(operation, actorOf(as), owner)) return 'hidden';
  return 'allowed';
}

/** The refusal code the table prescribes for a role outside the row (the guard and the deciders share it). */
function refusalCode(operation: Operation, as: As): string {
  try {
    requireRole(operation, actorOf(as));
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return '(none: the table allows it)';
}

/** Every cell of one operation of the document; throws when the matrix cannot cover it. */
function cellsOf(documented: DocumentOperation, users: readonly As[], pathValues: PathQueryValues): Cell[] {
  const operation = documented.operation['x-operation'] as Operation;
  const template = withIdParameter(documented.path);
  const hasId = template.includes('{id}');
  const targetKind = hasId ? pathTargets.find(({ pattern }) => pattern.test(template))?.kind : undefined;
  if (hasId && targetKind === undefined) throw new Error(`${nameOf(documented)}: no fixture for its path id`);
  const parameters = (documented.operation['parameters'] ?? []) as Json[];
  const query = parameters.filter((parameter) => parameter['in'] === 'query');
  const required = query.filter((parameter) => parameter['required'] === true).map((p) => String(p['name']));
  const valueOf = (name: string) => pathValues[documented.path]?.[name] ?? requiredQueryValues[name];
  // Besides the required ones, the values the running service gave for this path (one of several parameters).
  const sent = [...new Set([...required, ...Object.keys(pathValues[documented.path] ?? {})])];
  const unknown = required.filter((name) => valueOf(name) === undefined);
  if (unknown.length > 0) throw new Error(`${nameOf(documented)}: no value for query ${unknown.join(', ')}`);
  const filtered = query.some((parameter) => parameter['name'] === 'exporterId');
  const command = isCommand(operation) && documented.method === 'post';
  const build = command ? commandBodies[operation] : operationBodies[operation];
  const takesBody = (documented.operation['requestBody'] as Json | undefined)?.['required'] === true;
  if ((command || takesBody) && build === undefined) throw new Error(`${nameOf(documented)}: no body for ${operation}`);
  const asks = !command && !hasId && build !== undefined;
  const kind: CellKind = command
    ? hasId
      ? 'action'
      : 'create'
    : hasId
      ? 'read'
      : asks
        ? 'ask'
        : filtered
          ? 'list'
          : 'other';
  const sides: readonly (Side | 'none')[] = hasId || kind === 'create' || kind === 'ask' || filtered ? SIDES : ['none'];
  const method = documented.method === 'get' ? 'get' : documented.method === 'post' ? 'post' : null;
  if (method === null) throw new Error(`${nameOf(documented)}: the matrix sends GET and POST only`);
  const success = Object.keys((documented.operation['responses'] ?? {}) as Json)
    .filter((status) => /^2\d\d$/.test(status))
    .map(Number);

  const cells: Cell[] = [];
  for (const as of [...users, null]) {
    // Without a token the side makes no difference: one cell per operation.
    for (const side of as === null ? sides.slice(0, 1) : sides) {
      const role = as === null ? 'anonymous' : as.role;
      const fresh = `mx-${operation}-${role}-${side}`.toLowerCase();
      const made = build?.({ side: side === 'none' ? 'own' : side, fresh });
      const target =
        targetKind !== undefined && side !== 'none' ? { ...resources[targetKind][side], template } : undefined;
      const owner = target?.owner ?? (kind === 'create' || kind === 'ask' ? made?.owner : undefined);
      if ((kind === 'create' || kind === 'ask') && owner === undefined)
        throw new Error(`${nameOf(documented)}: no owner named`);
      const values = [
        ...sent.map((name) => `${name}=${encodeURIComponent(valueOf(name) ?? '')}`),
        ...(filtered && side !== 'none' ? [`exporterId=${exporterIdOf(side)}`] : []),
        ...(operationQueries[documented.path] === undefined ? [] : [operationQueries[documented.path]]),
      ];
      const path =
        (target ? template.replace('{id}', encodeURIComponent(target.id)) : documented.path) +
        (values.length > 0 ? `?${values.join('&')}` : '');
      const key = documented.path.split('/').at(-1) ?? '';
      cells.push({
        label: `${nameOf(documented)} [${operation}] as ${role}, ${side}`,
        operation,
        kind,
        method,
        path,
        as,
        side,
        ...(made ? { body: made.body } : {}),
        headers: kind === 'action' ? { 'If-Match': STALE_IF_MATCH } : {},
        expected: as === null ? 'unauthenticated' : expectationFor(operation, as, owner),
        success,
        ...(target ? { target } : {}),
        ...(kind === 'list' && side !== 'none' && as !== null
          ? {
              list: {
                key,
                exporterId: exporterIdOf(side),
                mustInclude: (listedFixtures(side) as Record<string, Resource[]>)[key]
                  ?.filter((resource) => inScope(operation, actorOf(as), resource.owner))
                  .map((resource) => resource.id) ?? ['(no fixtures for this list)'],
              },
            }
          : {}),
      });
    }
  }
  return cells;
}

/** Replies with the ids anonymised, to compare a refusal with the answer for an id that does not exist. */
const anonymous = (reply: Reply, id: string) =>
  JSON.parse(JSON.stringify({ status: reply.status, body: reply.body }).replaceAll(id, 'X'));
const isProblem = (reply: Reply) => /^application\/problem\+json/.test(reply.headers.get('content-type') ?? '');

/** What is wrong with an answer, given the expectation; empty when it is right. */
function problemsWith(cell: Cell, reply: Reply, stored: number): string[] {
  const { status, body } = reply;
  const got = `${status} ${body?.code ?? ''}`.trim();
  const problems: string[] = [];
  const want = (condition: boolean, what: string) => {
    if (!condition) problems.push(`expected ${what}, got ${got}`);
  };
  if (cell.expected !== 'allowed') {
    want(isProblem(reply), `${cell.expected}: application/problem+json`);
    want(stored === 0, `${cell.expected}: nothing stored (stored ${stored} events)`);
  }
  switch (cell.expected) {
    case 'unauthenticated':
      want(status === 401 && body?.code === 'request.unauthenticated', '401 request.unauthenticated');
      want(
        reply.headers.get('www-authenticate') === 'Bearer realm="export-licensing"',
        `WWW-Authenticate: Bearer realm="export-licensing" (got ${reply.headers.get('www-authenticate')})`,
      );
      break;
    case 'forbidden': {
      const code = refusalCode(cell.operation, cell.as as As);
      want(status === 403 && body?.code === code, `403 ${code}`);
      want(
        JSON.stringify(body?.allowed) === JSON.stringify(allowedRoles(cell.operation)),
        `the refusal to name the roles that may: ${allowedRoles(cell.operation).join(', ')}`,
      );
      break;
    }
    case 'hidden':
      want(status === 404 && /\.not_found$/.test(body?.code ?? ''), "404 *.not_found (out of the actor's scope)");
      break;
    case 'allowed':
      want(status < 500, 'no server error');
      want(![400, 401, 403, 404].includes(status), 'past authorization and scope, with a valid request');
      if (cell.kind === 'action') {
        want(status === 409 && body?.code === 'concurrency.revision_conflict', '409 concurrency.revision_conflict');
        want(stored === 0, `nothing stored for a stale If-Match (stored ${stored})`);
      } else if (cell.kind === 'create') {
        want([200, 201, 409, 422].includes(status), 'a command outcome (201, 200, 409 or 422)');
      } else {
        // A read answers 200; an operation that makes something without a body (a signed tree head) 201.
        want(cell.success.includes(status), cell.success.join(' or '));
      }
      if (cell.list && status === 200) {
        const items = (body?.[cell.list.key] ?? []) as Json[];
        const actor = actorOf(cell.as as As);
        const ids = items.map((item) => String(item['id']));
        for (const item of items) {
          const owner = { exporterId: item['exporterId'], reviewerId: item['reviewerId'] ?? null };
          want(inScope(cell.operation, actor, owner), `only items in scope (listed ${String(item['id'])})`);
          want(item['exporterId'] === cell.list.exporterId, `only ${cell.list.exporterId}'s items`);
        }
        const missing = cell.list.mustInclude.filter((id) => !ids.includes(id));
        want(missing.length === 0, `the list to include ${missing.join(', ')}`);
      }
      break;
  }
  return problems;
}

interface RouteKey {
  readonly method: string;
  readonly path: string;
}

/** Nest's own log of the routes it serves (`Mapped {/path, METHOD} route`), parameters written `{}`. */
function mappedRoutes(log: string): RouteKey[] {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/Mapped \{(\S+), (\w+)\} route/g)].map((match) => ({
    method: String(match[2]).toLowerCase(),
    path: String(match[1]).replace(/:[^/]+/g, '{}'),
  }));
}

/** Does a served route (whose `{}` matches any one segment) answer a documented path? */
function serves(route: RouteKey, documented: RouteKey): boolean {
  const a = route.path.split('/');
  const b = documented.path.replace(/\{[^}]+\}/g, '{}').split('/');
  return (
    route.method === documented.method &&
    a.length === b.length &&
    a.every((segment, i) => segment === b[i] || (segment === '{}' && b[i] !== undefined))
  );
}

describe('the access matrix: every operation of the OpenAPI document × every person role × own and other data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'access-matrix-'));
  // LOG_LEVEL=log: Nest then logs every route it maps, which the document is compared with.
  const service = new ServiceProcess(dataDir, { CLOCK_FIXED_AT: CLOCK, LOG_LEVEL: 'log' });
  const users = PersonRole.options.map((role) => matrixUsers[role]);
  let client: ServiceClient;
  let events: EventCount;
  let documented: DocumentOperation[] = [];
  let pathValues: PathQueryValues = {};
  const results: { cell: Cell; status: number; code: string | undefined }[] = [];
  const denied = { requests: 0, eventsBefore: -1, eventsAfter: -1, stored: 0 };
  const ifMatchProbes: string[] = [];
  /** Cells whose "out of scope" differs from "not there": without If-Match, and with the stale If-Match. */
  const existenceLeaks: { readonly cell: string; readonly ifMatch: boolean; readonly how: string }[] = [];

  beforeAll(async () => {
    client = await service.start();
    events = new EventCount(dataDir);
    await createMatrixFixtures(client);
    pathValues = await resolveQueryValues(client);
    const reply = await client.get('/openapi.json', auditor);
    if (reply.status !== 200) throw new Error(`GET /openapi.json answered ${reply.status}`);
    documented = documentOperations(reply.body as Json);
  }, 120_000);

  afterAll(async () => {
    events?.close();
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (results.length === 0) return;
    const count = (expected: Expectation) => results.filter((r) => r.cell.expected === expected).length;
    const persons = results.filter((r) => r.cell.as !== null);
    const operationsChecked = new Set(persons.map((r) => r.cell.operation)).size;
    const scoped = new Set(persons.filter((r) => r.cell.side !== 'none').map((r) => r.cell.operation)).size;
    console.log(
      [
        `access matrix: ${operationsChecked} operations × ${users.length} person roles × own/other ` +
          `(${scoped} operations address a resource, the other ${operationsChecked - scoped} none) = ${persons.length} cells`,
        `  allowed ${count('allowed')}, denied ${count('forbidden') + count('hidden')} ` +
          `(403 role not allowed: ${count('forbidden')}, 404 out of scope: ${count('hidden')})`,
        `  + ${count('unauthenticated')} requests without a token (401), ` +
          `${documented.filter(isPublic).length} public endpoints answered without one`,
        `  denied requests sent (incl. "does not exist" twins): ${denied.requests}; ` +
          `events stored by them: ${denied.stored} (event count ${denied.eventsBefore} before, ${denied.eventsAfter} after the matrix)`,
        `  known gaps: out of scope ≠ not there in ${existenceLeaks.filter((l) => !l.ifMatch).length} cell(s) without If-Match ` +
          `and in ${existenceLeaks.filter((l) => l.ifMatch).length} of ${ifMatchProbes.length} with a stale If-Match`,
      ].join('\n'),
    );
  });

  it('names a row of the permissions table in every guarded operation, with its roles and data scope', () => {
    expect(documented.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const entry of documented.filter((d) => !isPublic(d))) {
      const name = entry.operation['x-operation'];
      if (typeof name !== 'string') {
        problems.push(`${nameOf(entry)} has no x-operation`);
      } else if (!isOperation(name)) {
        problems.push(`${nameOf(entry)}: x-operation ${name} is not in the permissions table`);
      } else {
        const roles = entry.operation['x-roles'];
        if (canonical(Array.isArray(roles) ? [...roles].sort() : roles) !== canonical([...allowedRoles(name)].sort()))
          problems.push(
            `${nameOf(entry)}: x-roles ${JSON.stringify(roles)}, the table ${allowedRoles(name).join(', ')}`,
          );
        if (canonical(entry.operation['x-data-scope']) !== canonical(permissions[name]))
          problems.push(`${nameOf(entry)}: x-data-scope differs from the table`);
      }
    }
    // Health and /.well-known are outside the table on purpose.
    for (const entry of documented.filter(isPublic))
      if (entry.operation['x-operation'] !== undefined)
        problems.push(`${nameOf(entry)} is public but names an operation`);
    // Every operation a person may perform is in the document (the scheduler's are not HTTP); one with
    // several endpoints (ReadEventLog: a stream, `$all`) has them under distinct operationIds.
    const names = documented.map((d) => d.operation['x-operation']).filter((n) => typeof n === 'string');
    for (const name of operations.filter((o) => PersonRole.options.some((role) => isAllowed(o, role)))) {
      if (!names.includes(name)) problems.push(`${name} is not documented`);
    }
    const operationIds = documented.map((d) => String(d.operation['operationId']));
    for (const id of new Set(operationIds.filter((id, index) => operationIds.indexOf(id) !== index)))
      problems.push(`operationId ${id} is used more than once`);
    expect(problems).toEqual([]);
  });

  it('serves exactly the documented routes, and the documented actions only', async () => {
    const served = mappedRoutes(service.log);
    expect(served.length).toBeGreaterThan(10);
    const keys = documented.map(({ method, path }) => ({ method, path }));
    const undocumented = served.filter((route) => !keys.some((key) => serves(route, key)));
    const unserved = keys.filter((key) => !served.some((route) => serves(route, key)));
    expect({ undocumented, unserved }).toEqual({ undocumented: [], unserved: [] });
    // A route with a parameter for the action answers more than one path: it must name exactly the documented actions.
    for (const route of served.filter((r) => /\/\{\}\/\{\}$/.test(r.path))) {
      const base = route.path.slice(0, -'/{}/{}'.length);
      const actions = keys
        .filter((key) => key.method === route.method && serves(route, key))
        .map((key) => key.path.split('/').at(-1))
        .sort();
      const probe = await client.post(`${base}/${MISSING_ID}/mx-no-such-action`, officer, {});
      expect({ route: route.path, status: probe.status, code: probe.body?.code }).toEqual({
        route: route.path,
        status: 404,
        code: 'request.unknown_action',
      });
      const known = /use one of: (.+)\.$/.exec(String(probe.body?.detail))?.[1]?.split(', ').sort();
      expect({ route: route.path, actions: known }).toEqual({ route: route.path, actions });
    }
  });

  it('answers the public endpoints (health, metrics, /.well-known, the sign-in) without a token', async () => {
    const open = documented.filter(isPublic);
    expect(open.map((entry) => entry.path).filter((path) => !PUBLIC_PATH.test(path))).toEqual([]);
    expect(open.length).toBeGreaterThanOrEqual(4);
    for (const entry of open.filter((e) => !SIGN_IN_PATH.test(e.path))) {
      const reply = await client.get(entry.path, null);
      expect({ path: entry.path, status: reply.status }).toEqual({ path: entry.path, status: 200 });
    }
    // The sign-in needs no token either: a request without its parameters is a 400, never a 401.
    const signIn = open.filter((e) => SIGN_IN_PATH.test(e.path));
    expect(signIn.map(nameOf).sort()).toEqual(['GET /oauth/authorize', 'POST /oauth/authorize', 'POST /oauth/token']);
    for (const entry of signIn) {
      const reply =
        entry.method === 'get' ? await client.get(entry.path, null) : await client.post(entry.path, null, {});
      expect({ name: nameOf(entry), status: reply.status }).toEqual({ name: nameOf(entry), status: 400 });
    }
  });

  it('answers every cell as the permissions table says, and stores nothing for any refusal', async () => {
    const guarded = documented.filter((d) => !isPublic(d));
    const ungoverned = guarded.filter((d) => !isOperation(String(d.operation['x-operation'])));
    // Those fail the first test; the matrix cannot compute their answers.
    const mismatches = ungoverned.map((d) => `${nameOf(d)}: no x-operation of the permissions table`);
    const cells = guarded.filter((d) => !ungoverned.includes(d)).flatMap((entry) => cellsOf(entry, users, pathValues));
    denied.eventsBefore = events.now();
    for (const cell of cells) {
      const send = (path: string, headers: Record<string, string>) =>
        cell.method === 'get' ? client.get(path, cell.as, headers) : client.post(path, cell.as, cell.body, headers);
      const before = events.now();
      const reply = await send(cell.path, cell.headers);
      const stored = events.now() - before;
      results.push({ cell, status: reply.status, code: reply.body?.code });
      if (cell.expected !== 'allowed') {
        denied.requests += 1;
        denied.stored += stored;
      }
      mismatches.push(...problemsWith(cell, reply, stored).map((problem) => `${cell.label}: ${problem}`));

      // Out of scope must read exactly like not there: the same request for an id that exists nowhere.
      if (cell.expected === 'hidden' && cell.target) {
        const missingPath = cell.path.replace(encodeURIComponent(cell.target.id), MISSING_ID);
        const { 'If-Match': ifMatch, ...plain } = cell.headers;
        const twinBefore = events.now();
        const twin = await send(missingPath, plain);
        denied.requests += 1;
        denied.stored += events.now() - twinBefore;
        const seen = JSON.stringify(anonymous(reply, cell.target.id));
        const unseen = JSON.stringify(anonymous(twin, MISSING_ID));
        if (seen !== unseen)
          existenceLeaks.push({ cell: cell.label, ifMatch: false, how: `out of scope ${seen}, not there ${unseen}` });
        if (ifMatch !== undefined) {
          // The same with the If-Match the cell sent (see the known gap below).
          const probeBefore = events.now();
          const probe = await send(missingPath, cell.headers);
          denied.requests += 1;
          denied.stored += events.now() - probeBefore;
          ifMatchProbes.push(cell.label);
          if (JSON.stringify(anonymous(probe, MISSING_ID)) !== seen)
            existenceLeaks.push({
              cell: cell.label,
              ifMatch: true,
              how: `out of scope ${reply.status} ${reply.body?.code}, not there ${probe.status} ${probe.body?.code}`,
            });
        }
      }
    }
    denied.eventsAfter = events.now();
    const unknownLeaks = existenceLeaks.filter((leak) => !leak.ifMatch);
    mismatches.push(...unknownLeaks.map((leak) => `${leak.cell}: ${leak.how}`));
    expect(mismatches).toEqual([]);
    expect(denied.stored).toBe(0);
    // Every kind of answer was exercised.
    for (const expected of ['allowed', 'forbidden', 'hidden', 'unauthenticated'] as const)
      expect(results.filter((r) => r.cell.expected === expected).length).toBeGreaterThan(0);
    expect(ifMatchProbes.length).toBeGreaterThan(0);
  });

  // Out of scope and not there must read alike, or ids of other exporters'
  // cases could be enumerated: the runner checks the data scope before
  // If-Match, and on an empty stream before anything a non-starting command would reveal.
  it('out of scope and not there answer alike, with or without If-Match', () => {
    expect(existenceLeaks).toEqual([]);
  });
});
