/**
 * Runs P1's peer in a child process, killed when it is done: a collapsed
 * Emmett leaves appends hanging on its connections, and they must not go on
 * using the machine (or writing to the run's directory) while the next
 * scenarios and parts are measured.
 */
import { spawn } from 'node:child_process';
import type { AppendLoad } from './p1-append-load';
import { mergeSamples } from './p1-append-load';
import { EMMETT_VERSION, openEmmettPeer } from './p1-emmett-peer';

const RESULT_MARK = 'P1-EMMETT-RESULT ';

interface PeerRun {
  readonly filename: string;
  readonly prefilledEvents: number;
  readonly writerCounts: readonly number[];
  readonly seconds: number;
}

export function measureEmmettInChild(run: PeerRun, say: (line: string) => void): Promise<AppendLoad[]> {
  // Same loaders as this process (ts-node, tsconfig-paths), this file as the entry point.
  const child = spawn(process.execPath, [...process.execArgv, __filename, JSON.stringify(run)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Install (minutes on a first run), pre-fill (~1.5 ms an event on a loaded machine), then the scenarios.
  const limitMs = 600_000 + run.prefilledEvents * 2 + run.writerCounts.length * (run.seconds + 10) * 1000;
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      say(`Emmett did not finish in ${Math.round(limitMs / 1000)} s; stopping it`);
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARK));
      if (line === undefined) reject(new Error(`the Emmett process ended (${signal ?? code}) without figures`));
      else resolve(JSON.parse(line.slice(RESULT_MARK.length)) as AppendLoad[]);
    });
  });
}

async function main(run: PeerRun): Promise<void> {
  const say = (line: string) => process.stderr.write(`P1 ${line}\n`);
  const peer = await openEmmettPeer(run.filename, run.prefilledEvents, say);
  const loads: AppendLoad[] = [];
  for (const writers of run.writerCounts) {
    say(`Emmett ${EMMETT_VERSION}, ${writers} writer(s)…`);
    loads.push(mergeSamples(writers, [await peer.measure(writers, run.seconds)]));
  }
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(loads)}\n`);
}

if (require.main === module) {
  main(JSON.parse(process.argv[2]!) as PeerRun).then(
    // Exit at once: appends Emmett left hanging must not keep the process alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
