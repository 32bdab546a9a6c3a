/**
 * P6: resident memory while 1,000,000 events (× BENCH_SCALE) stream through
 * the live tail, a rebuild of every read model and a complete export, each
 * in a child process of its own (p6-stream-child.ts), its RSS sampled every
 * 100 ms from before the first event to after the last. The figure is the
 * growth over the RSS it had once everything was open.
 */
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchPart, Figure } from '../figures';
import type { StreamKind, StreamMemory } from './p6-stream-child';
import { seededLog } from './seeded-log';

/** Longest one stream may run before it is cut and judged on what it streamed: the suite must end within 15 minutes. */
const STREAM_BUDGET_SECONDS = Number(process.env['BENCH_STREAM_SECONDS'] ?? 90);

const STREAMS: readonly { kind: StreamKind; what: string }[] = [
  { kind: 'tail', what: 'live tail from the start (LiveTail, SSE messages to a fast client)' },
  { kind: 'rebuild', what: 'rebuild of every read model (shadow rebuild)' },
  { kind: 'export', what: 'complete audit export (writeExport, NDJSON to a fast client)' },
];

function streamInChild(kind: StreamKind, dataDir: string, workDir: string, events: number): Promise<StreamMemory> {
  return new Promise((resolve, reject) => {
    let report: StreamMemory | undefined;
    const child = fork(
      join(__dirname, 'p6-stream-child.ts'),
      [kind, dataDir, workDir, String(events), String(STREAM_BUDGET_SECONDS)],
      { execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] },
    );
    // The export's tree is built in long synchronous stretches its own timer cannot cut: the parent's can.
    const hardLimit = setTimeout(() => child.kill(), (2 * STREAM_BUDGET_SECONDS + 30) * 1000);
    child.on('message', (message) => (report = message as StreamMemory));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(hardLimit);
      if (report && code === 0) resolve(report);
      else reject(new Error(`The ${kind} stream's process exited with ${code} (killed after the time limit if null)`));
    });
  });
}

async function measure(context: BenchContext, kind: StreamKind, what: string): Promise<Figure> {
  const log = await seededLog(context);
  const workDir = join(context.workDir, kind);
  mkdirSync(workDir, { recursive: true });
  context.say(`${kind}: streaming ${log.events.toLocaleString('en')} events in a child process…`);
  const memory = await streamInChild(kind, log.dataDir, workDir, log.events);
  const cut = memory.events < log.events;
  context.say(`${kind}: ${memory.events.toLocaleString('en')} events in ${memory.seconds.toFixed(0)} s`);
  return {
    id: `P6.${kind}`,
    what: `RSS growth, ${what}${cut ? `, CUT at ${STREAM_BUDGET_SECONDS} s` : ''}`,
    value: Math.round((memory.peakMb - memory.baselineMb) * 10) / 10,
    unit: 'MB',
    better: 'lower',
    goal: { bound: 50 },
    details: {
      events: memory.events,
      seconds: Math.round(memory.seconds),
      baselineMb: memory.baselineMb,
      peakMb: memory.peakMb,
    },
  };
}

export const p6Memory: BenchPart = {
  id: 'P6',
  title: 'Resident memory while streaming the log',
  async run(context) {
    const figures: Figure[] = [];
    for (const { kind, what } of STREAMS) {
      // One stream that cannot run (the export's tree not built in time) leaves the others' figures.
      try {
        figures.push(await measure(context, kind, what));
      } catch (error) {
        context.say(`${kind}: NOT MEASURED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return figures;
  },
};
