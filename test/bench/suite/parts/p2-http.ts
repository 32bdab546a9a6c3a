import { registerNingbo } from '@licensing/service-testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../support/built-apps';
import { licenseStory, registerExporter, SPEC_NOW } from '../../../support/license-stories';
import { officer, ServiceUnderTest } from '../../../support/service-under-test';
import type { BenchPart, Figure } from '../figures';
import { closedLoop, type LoadRequest, type LoadResult } from './p2-load';
import { appendSeededPolicy, sayingProgress } from './seeded-log';
import { seedEventStore } from '../../seed-event-store';

const CONNECTIONS = [1, 64] as const;
/**
 * Generated cases (about 4.6 events each, with their exporters) in the
 * service's log before it starts, × BENCH_SCALE: a request's cost must not
 * grow with the log, so BENCH_SCALE=10 and 100 run against 10× and 100× this.
 */
const PRELOADED_CASES = 2_000;
/** Licenses the read scenario goes round, so that it reads many documents rather than one cached page. */
const LICENSES_READ = 1_000;

/** The seeded policy and the generated cases, appended to the service's own data directory before it starts. */
async function preload(dataDir: string, cases: number, say: (line: string) => void): Promise<number> {
  const policy = await appendSeededPolicy(dataDir);
  const seeded = await seedEventStore(dataDir, cases, sayingProgress({ say }));
  return policy + seeded.events;
}

/** Up to `max` license ids, a page at a time, as an officer lists them. */
async function licenseIds(service: ServiceUnderTest, max: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const { status, body } = await service.get(`/licenses?limit=500${query}`);
    if (status !== 200) throw new Error(`GET /licenses answered ${status}: ${JSON.stringify(body)}`);
    const page = body as { licenses: { id: string }[]; nextCursor: string | null };
    ids.push(...page.licenses.map((license) => license.id));
    cursor = page.nextCursor;
  } while (cursor !== null && ids.length < max);
  return ids.slice(0, max);
}

/** The bare NestJS reference in its own process, as the service is in its own. */
async function startBareNest(): Promise<{ url: string; child: ChildProcess }> {
  const main = join(__dirname, 'p2-bare-nest-main.ts');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { url: url.replace('[::1]', '127.0.0.1'), child };
  }
  throw new Error(`The bare NestJS endpoint exited before listening: ${output}`);
}

function figure(
  id: string,
  what: string,
  measured: LoadResult,
  reference: LoadResult,
  logEvents: number,
  goal?: Figure['goal'],
): Figure {
  return {
    id,
    what,
    value: measured.perSecond,
    unit: 'req/s',
    better: 'higher',
    reference: { what: 'bare NestJS endpoint', value: reference.perSecond },
    ...(goal ? { goal } : {}),
    details: {
      p50: measured.p50Ms,
      p99: measured.p99Ms,
      failures: measured.failures,
      'bare p99': reference.p99Ms,
      'log events': logEvents,
    },
  };
}

/**
 * P2: the HTTP command path (register an exporter, fresh ids, every check:
 * token, schema, idempotency, append, read-your-writes) and a read (one
 * license by id, going round many), 1 and 64 connections in a closed loop,
 * each beside a bare NestJS endpoint measured in the same minutes, on a
 * service whose log was preloaded with PRELOADED_CASES × BENCH_SCALE cases.
 */
export const p2Http: BenchPart = {
  id: 'P2',
  title: 'HTTP command path and reads against a bare NestJS endpoint',
  async run({ seconds, say, scale }) {
    const service = new ServiceUnderTest();
    let bare: ChildProcess | null = null;
    try {
      const cases = Math.round(PRELOADED_CASES * scale);
      say(`preloading the service's log with ${cases.toLocaleString('en')} generated cases…`);
      const logEvents = await preload(service.dataDir, cases, say);
      const starting = performance.now();
      // The read models and the verifiable log catch up before it listens: allow 1 ms an event.
      await service.start(SPEC_NOW, { startTimeoutMs: 60_000 + logEvents });
      const startSeconds = (performance.now() - starting) / 1000;
      say(
        `the service caught up ${logEvents.toLocaleString('en')} events and listened in ${startSeconds.toFixed(1)} s`,
      );
      await registerExporter(service);
      const storyLicense = await licenseStory(service, 'bench-read', 0);
      const licensesRead = [...new Set([storyLicense, ...(await licenseIds(service, LICENSES_READ))])];
      let nextRead = 0;
      const nextLicense = () => `/licenses/${licensesRead[(nextRead += 1) % licensesRead.length]}`;
      const authorization = `Bearer ${await service.token(officer)}`;
      const reference = await startBareNest();
      bare = reference.child;
      let next = 0;
      const registration = () =>
        JSON.stringify({ ...registerNingbo, exporterId: `bench-${process.pid}-${(next += 1)}` });
      const command = (path: string): LoadRequest => ({
        method: 'POST',
        path,
        headers: { authorization },
        body: registration,
      });
      const read = (path: LoadRequest['path']): LoadRequest => ({ method: 'GET', path, headers: { authorization } });
      // Warm both (JIT, connection pools, SQLite caches) before anything is timed.
      await closedLoop(reference.url, command('/exporters'), 8, 1);
      await closedLoop(service.url, command('/exporters'), 8, 1);

      const figures: Figure[] = [];
      for (const connections of CONNECTIONS) {
        say(`${connections} connection(s): commands`);
        const bareCommand = await closedLoop(reference.url, command('/exporters'), connections, seconds);
        const serviceCommand = await closedLoop(service.url, command('/exporters'), connections, seconds);
        say(`${connections} connection(s): reads`);
        const bareRead = await closedLoop(reference.url, read('/licenses/bare'), connections, seconds);
        const serviceRead = await closedLoop(service.url, read(nextLicense), connections, seconds);
        const atScale = connections === 64;
        figures.push(
          figure(
            `P2.command.${connections}`,
            `register an exporter over HTTP, ${connections} connection(s)`,
            serviceCommand,
            bareCommand,
            logEvents,
            atScale ? { ratio: 0.6 } : undefined,
          ),
        );
        if (atScale)
          figures.push({
            id: `P2.command.${connections}.p99`,
            what: `its p99 latency, ${connections} connections`,
            value: serviceCommand.p99Ms,
            unit: 'ms',
            better: 'lower',
            reference: { what: 'bare NestJS endpoint', value: bareCommand.p99Ms },
            goal: { bound: 20 },
          });
        figures.push(
          figure(
            `P2.read.${connections}`,
            `one license by id (${licensesRead.length.toLocaleString('en')} in turn), ${connections} connection(s)`,
            serviceRead,
            bareRead,
            logEvents,
          ),
        );
      }
      return figures;
    } finally {
      if (bare && bare.exitCode === null) {
        bare.kill('SIGTERM');
        await once(bare, 'exit');
      }
      await service.dispose();
    }
  },
};
