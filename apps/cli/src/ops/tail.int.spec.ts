import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { type CannedServer, problem, startCannedServer } from '../testing/canned-server';
import { runTail } from './tail';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

let server: CannedServer;
beforeAll(async () => {
  server = await startCannedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
});

/** An event as the service sends it (a trimmed envelope). */
const event = (position: number, type = 'LicenseSuspended', streamId = 'license-L-1') => ({
  position: String(position),
  type,
  streamId,
  metadata: { recordedAt: '2026-11-23T02:00:00.000Z', actor: 'zhang.min', role: 'licensing_officer' },
});
const recorded = (position: number, type?: string) =>
  `id: ${position}\nevent: recorded\ndata: ${JSON.stringify(event(position, type))}\n\n`;

/** The live tail, one connection after another: each answer writes its text, then ends, breaks off or stays open. */
function tailRoute(connections: { text: string; then: 'end' | 'break' | 'hold' }[]) {
  const seen: { lastEventId: string | undefined; query: string }[] = [];
  const route = (request: IncomingMessage, response: ServerResponse) => {
    seen.push({ lastEventId: request.headers['last-event-id'] as string | undefined, query: request.url ?? '' });
    const next = connections[seen.length - 1] ?? { text: '', then: 'hold' };
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    response.write(next.text, () => {
      if (next.then === 'end') response.end();
      if (next.then === 'break') response.destroy();
    });
  };
  return { route, seen };
}

/** Until `check` holds, or fail after `timeoutMs`: the CLI works on its own time. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('ops tail', () => {
  it('prints one line per event, resumes after the last one with Last-Event-ID when the connection drops, stops on Ctrl-C', async () => {
    const { route, seen } = tailRoute([
      { text: `${recorded(10)}: heartbeat\n\n${recorded(11, 'LicenseRevoked')}`, then: 'break' },
      { text: recorded(12, 'LicenseReinstated'), then: 'hold' },
    ]);
    server.routes.set('/ops/events/live', route);
    const io = capturedIo();
    const stop = new AbortController();
    const args = ['--from', '0', '--stream-prefix', 'license-', '--stream-prefix', 'exporter-', '--type', 'A'];
    const running = runTail(args, { io, env: { LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' } }, stop.signal);
    await until(() => lines(io.stdout()).length === 3, 'three events printed');
    stop.abort();
    expect(await running).toBe(0);
    expect(lines(io.stdout())).toEqual([
      '     10  2026-11-23T02:00:00.000Z  license-L-1  LicenseSuspended  zhang.min (licensing_officer)',
      '     11  2026-11-23T02:00:00.000Z  license-L-1  LicenseRevoked  zhang.min (licensing_officer)',
      '     12  2026-11-23T02:00:00.000Z  license-L-1  LicenseReinstated  zhang.min (licensing_officer)',
    ]);
    expect(seen).toEqual([
      { lastEventId: undefined, query: '/ops/events/live?from=0&streamPrefix=license-%2Cexporter-&type=A' },
      { lastEventId: '11', query: '/ops/events/live?streamPrefix=license-%2Cexporter-&type=A' },
    ]);
    expect(io.stderr()).toMatch(/^The connection was lost \(.+\); reconnecting after position 11 in \d+\.\d s\.$/);
    expect(server.requests.every((request) => request.authorization === 'Bearer tok')).toBe(true);
  });

  it('catches up again after a fell-behind from where the service says, and prints NDJSON with --json', async () => {
    const fellBehind = `event: fell-behind\ndata: {"resumeFrom":"21"}\n\n`;
    const { route, seen } = tailRoute([
      { text: `${recorded(20)}${recorded(21)}${fellBehind}`, then: 'end' },
      { text: recorded(22), then: 'hold' },
    ]);
    server.routes.set('/ops/events/live', route);
    const io = capturedIo();
    const stop = new AbortController();
    const env = { LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' };
    const running = runTail(['--json', '--category', 'license'], { io, env }, stop.signal);
    await until(() => lines(io.stdout()).length === 3, 'three events printed');
    stop.abort();
    expect(await running).toBe(0);
    expect(lines(io.stdout()).map((line) => JSON.parse(line) as unknown)).toEqual([event(20), event(21), event(22)]);
    expect(seen.map((s) => s.lastEventId)).toEqual([undefined, '21']);
    expect(seen[0]?.query).toBe('/ops/events/live?category=license');
    expect(io.stderr()).toBe('Fell behind the log (the service does not wait); catching up again after position 21.');
  });

  it('says so and exits 2 when the service is unreachable or refuses the token', async () => {
    const unreachable = capturedIo();
    const env = { LICENSING_URL: 'http://127.0.0.1:9', LICENSING_TOKEN: 'tok' };
    expect(await runCli(['ops', 'tail'], env, unreachable)).toBe(2);
    expect(unreachable.stderr()).toMatch(/^Could not reach the licensing service at http:\/\/127\.0\.0\.1:9 \(.+\)\./);

    server.routes.set('/ops/events/live', problem(403, 'Not permitted', 'A licensing_officer may not tail event log.'));
    const refused = capturedIo();
    expect(await runCli(['ops', 'tail'], { LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' }, refused)).toBe(2);
    expect(refused.stderr()).toBe(
      'The service refused (403 test.refused): Not permitted: A licensing_officer may not tail event log. This needs an ops token: npm run token -- --sub <you> --role ops.',
    );
  });

  it('refuses a --from that is not a position, and a missing token, before asking anything', async () => {
    const io = capturedIo();
    expect(
      await runCli(['ops', 'tail', '--from', 'ten'], { LICENSING_URL: server.url, LICENSING_TOKEN: 't' }, io),
    ).toBe(2);
    expect(io.stderr()).toMatch(/^--from 'ten' is not a position/);
    const tokenless = capturedIo();
    expect(await runCli(['ops', 'tail'], { LICENSING_URL: server.url }, tokenless)).toBe(2);
    expect(tokenless.stderr()).toMatch(/^A bearer token is required/);
    expect(server.requests).toEqual([]);
  });

  it('stops with exit code 0 on a real Ctrl-C (SIGINT) in its own process', async () => {
    const { route } = tailRoute([{ text: recorded(30), then: 'hold' }]);
    server.routes.set('/ops/events/live', route);
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'ops', 'tail'],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'], LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // ts-node compiles the CLI first: seconds on a busy machine.
      await until(() => stdout.includes('LicenseSuspended'), `the event printed (stderr: ${stderr})`, 45_000);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(lines(stdout)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
