import { readModelProjections } from '@licensing/projections';
import { auditor, opsUser } from '@licensing/service-testing';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { type CannedServer, json, problem, startCannedServer } from '../testing/canned-server';
import { ServiceFromSource } from '../testing/service-from-source';
import { runRebuild } from './rebuild';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** A rebuild as the service answers it. */
const rebuild = (state: string, done: number, total: number, extra: Record<string, unknown> = {}) => ({
  id: '7',
  readModels: [
    { name: 'license-state', doneEvents: done, totalEvents: total, swapped: state === 'completed' },
    { name: 'rule-history', doneEvents: 0, totalEvents: 0, swapped: state === 'completed' },
  ],
  state,
  doneEvents: done,
  totalEvents: total,
  eventsPerSecond: done === 0 ? 0 : 250,
  etaSeconds: state === 'running' && done > 0 ? (total - done) / 250 : null,
  startedAt: '2026-11-23T02:00:00.000Z',
  finishedAt: state === 'running' ? null : '2026-11-23T02:00:01.000Z',
  error: null,
  ...extra,
});

describe('ops rebuild against a canned service', () => {
  let server: CannedServer;
  beforeAll(async () => {
    server = await startCannedServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.routes.clear();
    server.requests.length = 0;
  });

  /** GET /ops/rebuilds/7 answers these, one per request, the last one again after. */
  function progressRoute(answers: unknown[]) {
    let asked = 0;
    server.routes.set('/ops/rebuilds/7', (request: IncomingMessage, response: ServerResponse) => {
      json(answers[Math.min(asked++, answers.length - 1)])(request, response);
    });
  }
  const env = () => ({ LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' });

  it('starts the rebuild, prints a progress line whenever it moved, and exits 0 once every read model is swapped in', async () => {
    server.routes.set('/admin/read-models/rebuild', json(rebuild('running', 0, 0), 202));
    progressRoute([
      rebuild('running', 40, 100),
      rebuild('running', 40, 100),
      rebuild('running', 100, 120),
      rebuild('completed', 120, 120),
    ]);
    const io = capturedIo();
    expect(await runRebuild(['--read-model', 'license-state'], { io, env: env() }, 1)).toBe(0);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/admin/read-models/rebuild?readModel=license-state',
      '/ops/rebuilds/7',
      '/ops/rebuilds/7',
      '/ops/rebuilds/7',
      '/ops/rebuilds/7',
    ]);
    expect(server.requests.every((request) => request.authorization === 'Bearer tok')).toBe(true);
    expect(lines(io.stderr())).toEqual([
      'rebuild 7: 0/0 events (0%), 0 events/s, ETA ?, 0/2 read models swapped',
      'rebuild 7: 40/100 events (40%), 250 events/s, ETA 0.24 s, 0/2 read models swapped',
      'rebuild 7: 100/120 events (83%), 250 events/s, ETA 0.08 s, 0/2 read models swapped',
      'rebuild 7: 120/120 events (100%), 250 events/s, ETA ?, 2/2 read models swapped',
    ]);
    expect(io.stdout()).toBe(
      'Rebuilt license-state, rule-history (rebuild 7): 120 events read at 250 events/s, each read model swapped in when it had caught up.',
    );
  });

  it('draws a bar instead on a terminal, whose total follows the one the service counts', async () => {
    server.routes.set('/admin/read-models/rebuild', json(rebuild('running', 10, 100), 202));
    progressRoute([rebuild('running', 60, 150), rebuild('completed', 150, 150)]);
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const io = { ...capturedIo(), progress: terminal };
    expect(await runRebuild([], { io, env: env() }, 1)).toBe(0);
    expect(drawn).toContain('rebuild 7 [');
    expect(drawn).toContain('] 10% | 10/100 events | 250 events/s | ETA 0.36 s');
    // cli-progress redraws at most a few times a second: the last drawing has the total grown to 150.
    expect(drawn).toContain('] 100% | 150/150 events | 250 events/s | ETA ?');
    expect(io.stderr()).toBe('');
    expect(io.stdout()).toMatch(/^Rebuilt license-state, rule-history \(rebuild 7\): 150 events/);
  });

  it('prints the finished rebuild as JSON with --json', async () => {
    server.routes.set('/admin/read-models/rebuild', json(rebuild('running', 0, 10), 202));
    progressRoute([rebuild('completed', 10, 10)]);
    const io = capturedIo();
    expect(await runRebuild(['--json'], { io, env: env() }, 1)).toBe(0);
    expect(server.requests[0]?.url).toBe('/admin/read-models/rebuild');
    expect(JSON.parse(io.stdout())).toEqual(rebuild('completed', 10, 10));
  });

  it('exits 1 with the reason when the rebuild fails', async () => {
    server.routes.set('/admin/read-models/rebuild', json(rebuild('running', 0, 10), 202));
    progressRoute([rebuild('failed', 5, 10, { error: 'The service stopped before this rebuild finished.' })]);
    const io = capturedIo();
    expect(await runRebuild([], { io, env: env() }, 1)).toBe(1);
    expect(lines(io.stderr()).at(-1)).toBe(
      'Rebuild 7 of license-state, rule-history failed: The service stopped before this rebuild finished.',
    );
    expect(io.stdout()).toBe('');
  });

  it('exits 2 with one line when the service refuses, is not the service, or is not there', async () => {
    server.routes.set(
      '/admin/read-models/rebuild',
      problem(409, 'Conflicts with the current state', 'Rebuild 3 is rebuilding license-state now.', 'admin.busy'),
    );
    const refused = capturedIo();
    expect(await runCli(['ops', 'rebuild'], env(), refused)).toBe(2);
    expect(refused.stderr()).toBe(
      'The service refused (409 admin.busy): Conflicts with the current state: Rebuild 3 is rebuilding license-state now.',
    );

    server.routes.set('/admin/read-models/rebuild', json({ hello: 'world' }, 202));
    const odd = capturedIo();
    expect(await runCli(['ops', 'rebuild'], env(), odd)).toBe(2);
    expect(odd.stderr()).toMatch(/^The service did not answer a rebuild: check --url/);

    const unreachable = capturedIo();
    const nowhere = { LICENSING_URL: 'http://127.0.0.1:9', LICENSING_TOKEN: 'tok' };
    expect(await runCli(['ops', 'rebuild'], nowhere, unreachable)).toBe(2);
    expect(unreachable.stderr()).toMatch(/^Could not reach the licensing service at http:\/\/127\.0\.0\.1:9 \(.+\)\./);
    expect(unreachable.stderr().split('\n')).toHaveLength(1);
  });
});

describe('ops rebuild against the service (from its sources, in its own process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-rebuild-'));
  const service = new ServiceFromSource(dataDir);
  let env: NodeJS.ProcessEnv;
  let auditorEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const client = await service.start();
    env = { LICENSING_URL: client.url, LICENSING_TOKEN: await client.token(opsUser) };
    auditorEnv = { ...env, LICENSING_TOKEN: await client.token(auditor) };
  }, 120_000);
  afterAll(async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every read model, then one, to the end, with progress lines and exit 0', async () => {
    const all = capturedIo();
    expect(await runRebuild([], { io: all, env }, 20)).toBe(0);
    const names = readModelProjections().map((projection) => projection.name);
    expect(all.stdout()).toMatch(new RegExp(`^Rebuilt ${names.join(', ')} \\(rebuild 1\\): [1-9]\\d* events read at`));
    expect(lines(all.stderr()).at(-1)).toMatch(
      new RegExp(`^rebuild 1: (\\d+)/\\1 events \\(100%\\), .*, ${names.length}/${names.length} read models swapped$`),
    );

    const one = capturedIo();
    expect(await runCli(['ops', 'rebuild', '--read-model', 'rule-history'], env, one)).toBe(0);
    expect(one.stdout()).toMatch(/^Rebuilt rule-history \(rebuild 2\): /);
  }, 60_000);

  it('exits 2 naming what the service refused: an unknown read model, a token without the ops role', async () => {
    const unknown = capturedIo();
    expect(await runCli(['ops', 'rebuild', '--read-model', 'no-such-model'], env, unknown)).toBe(2);
    expect(unknown.stderr()).toMatch(/^The service refused \(400 request\.invalid\): .*readModel/);

    const auditorRefused = capturedIo();
    expect(await runCli(['ops', 'rebuild'], auditorEnv, auditorRefused)).toBe(2);
    expect(auditorRefused.stderr()).toMatch(
      /^The service refused \(403 admin\.forbidden\): .* This needs an ops token: npm run token -- --sub <you> --role ops\.$/,
    );
  }, 60_000);
});
