import { PersonRole } from '@licensing/domain';
import { mintLocalToken } from '@licensing/identity';
import {
  approvedApplication,
  auditor,
  exporterUser,
  officer,
  opsUser,
  policyOfficer,
  reviewer,
  type As,
  type ServiceClient,
} from '@licensing/service-testing';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, eventsStoredBy, readHar, schemathesis } from './support/schemathesis';
import { ServiceProcess } from './support/service-process';

/**
 * Fuzzing from the OpenAPI document with Schemathesis: for each person role,
 * the operations the document says that role may perform, a bounded number
 * of generated requests each, with a valid token for the role. Whatever it
 * sends, the service must never answer 5xx, must answer every 4xx as RFC 9457
 * problem details, and must store events only for the commands it accepted.
 */
const EXAMPLES_PER_OPERATION = 6;
const SEED = '20261130';
const roles: readonly (As & { role: PersonRole })[] = [
  exporterUser,
  officer,
  reviewer,
  policyOfficer,
  auditor,
  opsUser,
].map((as) => ({ ...as, role: PersonRole.parse(as.role) }));

interface OpenApi {
  paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown[] }>>;
}

/** The document with only the operations `role` may perform (the public ones go to whoever runs first). */
function documentFor(document: OpenApi, role: string, withPublic: boolean): OpenApi {
  const paths: OpenApi['paths'] = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    const kept = Object.entries(operations).filter(([, operation]) =>
      operation['x-roles'] === undefined ? withPublic : operation['x-roles'].includes(role),
    );
    if (kept.length > 0) paths[path] = Object.fromEntries(kept);
  }
  return { ...document, paths };
}

describe('fuzzing the API from its OpenAPI document (Schemathesis)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-fuzz-'));
  const workDir = mkdtempSync(join(tmpdir(), 'api-fuzz-reports-'));
  // Held: the acts of a fuzzed announcement would be applied after its answer, by the service itself,
  // so the events stored would no longer be exactly those the 2xx answers name.
  const service = new ServiceProcess(dataDir, { CLOCK_FIXED_AT: '2026-11-23T02:00:00Z', ANNOUNCEMENT_ACTS: 'hold' });
  const exchangesByRole = new Map<string, Exchange[]>();
  const storedByRole = new Map<string, { stored: number; acknowledged: number }>();
  let events: Database.Database;

  const eventCount = () => (events.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    const st = schemathesis();
    const client: ServiceClient = await service.start();
    // Something to find: an approved application, so generated ids sometimes meet real state.
    await approvedApplication(client, 'app-fuzz-1');
    const document = (await client.get('/openapi.json', auditor)).body as OpenApi;
    events = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });

    for (const [index, as] of roles.entries()) {
      const schemaFile = join(workDir, `${as.role}.openapi.json`);
      const harFile = join(workDir, `${as.role}.har`);
      writeFileSync(schemaFile, JSON.stringify(documentFor(document, as.role, index === 0)));
      const token = await mintLocalToken(dataDir, { sub: as.id, role: as.role, exporterIds: as.exporterIds });
      const before = eventCount();
      const run = spawnSync(
        st,
        [
          'run',
          schemaFile,
          '--url',
          client.url,
          '--header',
          `Authorization: Bearer ${token}`,
          '--phases',
          'examples,fuzzing',
          '--max-examples',
          String(EXAMPLES_PER_OPERATION),
          '--seed',
          SEED,
          '--checks',
          'not_a_server_error',
          '--request-timeout',
          '20',
          '--report',
          'har',
          '--report-har-path',
          harFile,
          '--no-color',
        ],
        {
          cwd: workDir,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, SCHEMATHESIS_HOOKS: '' },
        },
      );
      if (run.error) throw run.error;
      const exchanges = readHar(harFile);
      exchangesByRole.set(as.role, exchanges);
      storedByRole.set(as.role, {
        stored: eventCount() - before,
        acknowledged: exchanges.reduce((sum, exchange) => sum + eventsStoredBy(exchange), 0),
      });
    }
  }, 900_000);

  afterAll(async () => {
    events?.close();
    await service.stop();
    const all = [...exchangesByRole.values()].flat();
    console.log(
      `API fuzz: ${all.length} requests over ${roles.length} roles ` +
        `(${[...exchangesByRole].map(([role, list]) => `${role} ${list.length}`).join(', ')}); ` +
        `5xx seen: ${all.filter((e) => e.status >= 500).length}; ` +
        `2xx ${all.filter((e) => e.status < 300).length}, 4xx ${all.filter((e) => e.status >= 400 && e.status < 500).length}; ` +
        `events stored ${[...storedByRole.values()].reduce((sum, s) => sum + s.stored, 0)}`,
    );
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it.each(roles.map((as) => [as.role]))('%s: sent requests to every operation the role may perform', (role) => {
    const exchanges = exchangesByRole.get(role) ?? [];
    expect(exchanges.length).toBeGreaterThan(EXAMPLES_PER_OPERATION);
  });

  it.each(roles.map((as) => [as.role]))('%s: never a 5xx', (role) => {
    const failures = (exchangesByRole.get(role) ?? []).filter((e) => e.status >= 500);
    expect(failures.map((e) => `${e.method} ${e.path} ${e.requestBody.slice(0, 2000)} → ${e.status}`)).toEqual([]);
  });

  // The one exception: OAuth's token endpoint answers OAuth's own JSON error (RFC 6749 §5.2), which OAuth
  // clients read; it is documented so, and gives problem details to a client that asks for them only.
  const OAUTH_ERROR = (e: { method: string; path: string; contentType: string }) =>
    e.method === 'POST' && e.path === '/oauth/token' && e.contentType.startsWith('application/json');

  it.each(roles.map((as) => [as.role]))('%s: every 4xx is application/problem+json', (role) => {
    const bare = (exchangesByRole.get(role) ?? []).filter(
      (e) =>
        e.status >= 400 && e.status < 500 && !e.contentType.startsWith('application/problem+json') && !OAUTH_ERROR(e),
    );
    expect(bare.map((e) => `${e.method} ${e.path} → ${e.status} ${e.contentType}`)).toEqual([]);
  });

  it.each(roles.map((as) => [as.role]))('%s: events were stored only by the commands answered 2xx', (role) => {
    const { stored, acknowledged } = storedByRole.get(role) ?? { stored: -1, acknowledged: -2 };
    expect(stored).toBe(acknowledged);
  });
});
