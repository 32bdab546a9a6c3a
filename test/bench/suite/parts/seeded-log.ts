import { openConfiguredEventStore } from '@licensing/eventstoredb';
import {
  BENCHMARK_EXPORTERS_PER_CASE,
  BENCHMARK_SHAPE,
  generatedCases,
  generatedExporters,
  seededAnnouncements,
  seededPolicy,
  toProposed,
} from '@licensing/projections/testing';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '../../progress';
import { seedEventStore } from '../../seed-event-store';
import type { BenchContext } from '../figures';

/** The size for the rebuild (P3) and memory (P6) parts, times BENCH_SCALE. */
export const LOG_EVENTS = 1_000_000;
/** Cases generated to learn how many events a case brings (with its share of exporters). */
const CALIBRATION_CASES = 8_000;

export interface SeededLog {
  /** A service data directory: its `events.sqlite` holds the log. */
  readonly dataDir: string;
  readonly events: number;
  /** Seconds this run spent seeding it; null when an earlier part of the same run had. */
  readonly seedSeconds: number | null;
}

/**
 * The log P3 and P6 read: the seeded policy history and announcements, then
 * generated exporters and applications through their whole lifecycle
 * (licenses, shipments, suspensions), about LOG_EVENTS × scale events,
 * appended through the store's API in group-committed rounds. Seeded once
 * per `npm run bench` process, in a directory of its own (each part's
 * workDir is removed after the part), removed when the process exits.
 */
export async function seededLog(context: BenchContext): Promise<SeededLog> {
  const dataDir = join(tmpdir(), `bench-seeded-log-${process.pid}-x${context.scale}`);
  const done = join(dataDir, 'seeded.json');
  if (existsSync(done)) {
    const { events } = JSON.parse(readFileSync(done, 'utf8')) as { events: number };
    context.say(`reusing the ${events.toLocaleString('en')}-event log seeded earlier in this run`);
    return { dataDir, events, seedSeconds: null };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const started = Date.now();
  const policy = await appendSeededPolicy(dataDir);
  const cases = Math.round(((LOG_EVENTS * context.scale - policy) * CALIBRATION_CASES) / eventsOf(CALIBRATION_CASES));
  context.say(`seeding ${cases.toLocaleString('en')} generated applications and their exporters…`);
  const seeded = await seedEventStore(dataDir, cases, sayingProgress(context));
  const events = policy + seeded.events;
  const seedSeconds = (Date.now() - started) / 1000;
  context.say(`seeded ${events.toLocaleString('en')} events in ${seedSeconds.toFixed(0)} s`);
  writeFileSync(done, JSON.stringify({ events }));
  return { dataDir, events, seedSeconds };
}

/** Events of `cases` generated cases and their share of exporters. */
function eventsOf(cases: number): number {
  const exporters = Math.round(cases * BENCHMARK_EXPORTERS_PER_CASE);
  return generatedCases(cases, BENCHMARK_SHAPE).length + generatedExporters(exporters).length;
}

/** The seeded rule history and announcements, first, as the service's seeder appends them. */
export async function appendSeededPolicy(dataDir: string): Promise<number> {
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  try {
    const events = [...seededPolicy(), ...seededAnnouncements()];
    for (const event of events) await store.append(event.streamId, [toProposed(event)], { expectedRevision: 'any' });
    return events.length;
  } finally {
    await store.close();
  }
}

/** The console bench's progress bars as a line every tenth of the way, on the suite's progress channel. */
export function sayingProgress(context: Pick<BenchContext, 'say'>): Progress {
  return {
    bar(label, total, unit) {
      let value = 0;
      let tenth = 0;
      return {
        increment: (by) => {
          value += by;
          if (Math.floor((10 * value) / total) === tenth) return;
          tenth = Math.floor((10 * value) / total);
          context.say(`${label}: ${value.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}`);
        },
        update: (newValue) => (value = newValue),
        stop: () => undefined,
      };
    },
  };
}
