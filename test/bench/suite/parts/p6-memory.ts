/**
 * P6: resident memory while 1,000,000 events (× BENCH_SCALE) stream through
 * the live tail, a rebuild of every read model (twice: as is, and with the
 * heap capped) and a complete export, each in a child process of its own
 * (p6-stream-child.ts), its RSS sampled every
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

/**
 * The heap cap of the second rebuild: without one, V8 sizes its heap to the
 * host's memory and lets the rebuild's garbage pile up (its live heap stays
 * flat); a deployment caps it with NODE_OPTIONS=--max-old-space-size.
 */
const CAPPED_HEAP_MB = 128;

interface Stream {
  readonly id: string;
  readonly kind: StreamKind;
  readonly what: string;
  /** --max-old-space-size for the child; V8's default when absent. */
  readonly heapCapMb?: number;
}

const STREAMS: readonly Stream[] = [
  { id: 'tail', kind: 'tail', what: 'live tail from the start (LiveTail, SSE messages to a fast client)' },
  { id: 'rebuild', kind: 'rebuild', what: 'rebuild of every read model (shadow rebuild)' },
  {
    id: 'rebuild.capped',
    kind: 'rebuild',
    what: `the same rebuild with the heap capped at ${CAPPED_HEAP_MB} MB (--max-old-space-size)`,
    heapCapMb: CAPPED_HEAP_MB,
  },
  { id: 'export', kind: 'export', what: 'complete audit export (writeExport, NDJSON to a fast client)' },
];

function streamInChild(stream: Stream, dataDir: string, workDir: string, events: number): Promise<StreamMemory> {
  const { kind, heapCapMb } = stream;
  return new Promise((resolve, reject) => {
    let report: StreamMemory | undefined;
    const heapCap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
    const child = fork(
      join(__dirname, 'p6-stream-child.ts'),
      [kind, dataDir, workDir, String(events), String(STREAM_BUDGET_SECONDS)],
      {
        execArgv: [...heapCap, '--expose-gc', '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      },
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

async function measure(context: BenchContext, stream: Stream): Promise<Figure> {
  const { id, what } = stream;
  const log = await seededLog(context);
  const workDir = join(context.workDir, id);
  mkdirSync(workDir, { recursive: true });
  context.say(`${id}: streaming ${log.events.toLocaleString('en')} events in a child process…`);
  const memory = await streamInChild(stream, log.dataDir, workDir, log.events);
  const cut = memory.events < log.events;
  context.say(`${id}: ${memory.events.toLocaleString('en')} events in ${memory.seconds.toFixed(0)} s`);
  return {
    id: `P6.${id}`,
    what: `RSS growth, ${what}${cut ? `, CUT at ${STREAM_BUDGET_SECONDS} s` : ''}`,
    value: Math.round((memory.peakMb - memory.baselineMb) * 10) / 10,
    unit: 'MB',
    better: 'lower',
    goal: { bound: 50 },
    details: {
      events: memory.events,
      seconds: Math.round(memory.seconds),
      'events/s': Math.round(memory.events / memory.seconds),
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
    for (const stream of STREAMS) {
      // One stream that cannot run (the export's tree not built in time) leaves the others' figures.
      try {
        figures.push(await measure(context, stream));
      } catch (error) {
        context.say(`${stream.id}: NOT MEASURED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return figures;
  },
};
