import { registerNingbo } from '@licensing/service-testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../support/built-apps';
import { licenseStory, registerExporter, SPEC_NOW } from '../../../support/license-stories';
import { officer, ServiceUnderTest } from '../../../support/service-under-test';
import type { BenchPart, Figure } from '../figures';
import { closedLoop, type LoadRequest, type LoadResult } from './p2-load';

const CONNECTIONS = [1, 64] as const;

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

function figure(id: string, what: string, measured: LoadResult, reference: LoadResult, goal?: Figure['goal']): Figure {
  return {
    id,
    what,
    value: measured.perSecond,
    unit: 'req/s',
    better: 'higher',
    reference: { what: 'bare NestJS endpoint', value: reference.perSecond },
    ...(goal ? { goal } : {}),
    details: { p50: measured.p50Ms, p99: measured.p99Ms, failures: measured.failures, 'bare p99': reference.p99Ms },
  };
}

/**
 * P2: the HTTP command path (register an exporter, fresh ids, every check:
 * token, schema, idempotency, append, read-your-writes) and a read (one
 * license by id), 1 and 64 connections in a closed loop, each beside a bare
 * NestJS endpoint measured in the same minutes.
 */
export const p2Http: BenchPart = {
  id: 'P2',
  title: 'HTTP command path and reads against a bare NestJS endpoint',
  async run({ seconds, say }) {
    const service = new ServiceUnderTest();
    let bare: ChildProcess | null = null;
    try {
      await service.start(SPEC_NOW);
      await registerExporter(service);
      const licenseId = await licenseStory(service, 'bench-read', 0);
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
      const read = (path: string): LoadRequest => ({ method: 'GET', path, headers: { authorization } });
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
        const serviceRead = await closedLoop(service.url, read(`/licenses/${licenseId}`), connections, seconds);
        const atScale = connections === 64;
        figures.push(
          figure(
            `P2.command.${connections}`,
            `register an exporter over HTTP, ${connections} connection(s)`,
            serviceCommand,
            bareCommand,
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
          figure(`P2.read.${connections}`, `one license by id, ${connections} connection(s)`, serviceRead, bareRead),
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
