import type { EventStore } from '@licensing/event-store';
import { openConfiguredEventStore } from '@licensing/eventstoredb';
import {
  BENCHMARK_EXPORTERS_PER_CASE,
  BENCHMARK_SHAPE,
  type DecidedEvent,
  generatedCases,
  generatedExporters,
  toProposed,
} from '@licensing/projections/testing';
import { type Progress } from './progress';

/** Cases generated and appended per round: enough appends at once for the store's group commit to fill its batches. */
const CASES_PER_ROUND = 1_000;

export interface SeedReport {
  readonly cases: number;
  readonly exporters: number;
  readonly events: number;
  readonly seconds: number;
}

/**
 * Appends `cases` generated applications (each through its lifecycle, with
 * the licenses, shipments and decisions of the approved ones) and their
 * exporters to the SQLite event store of `dataDir`, through the store's own
 * API, as the service opens it: not through HTTP, which would take hours.
 */
export async function seedEventStore(dataDir: string, cases: number, progress: Progress): Promise<SeedReport> {
  const started = Date.now();
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  const exporters = Math.round(cases * BENCHMARK_EXPORTERS_PER_CASE);
  let events = 0;
  const bar = progress.bar('seeding', cases + exporters, 'cases and exporters');
  try {
    for (let offset = 0; offset < exporters; offset += CASES_PER_ROUND) {
      const count = Math.min(CASES_PER_ROUND, exporters - offset);
      events += await appendByStream(store, generatedExporters(count, offset));
      bar.increment(count);
    }
    for (let offset = 0; offset < cases; offset += CASES_PER_ROUND) {
      const count = Math.min(CASES_PER_ROUND, cases - offset);
      events += await appendByStream(store, generatedCases(count, { ...BENCHMARK_SHAPE, offset }));
      bar.increment(count);
    }
  } finally {
    bar.stop();
    await store.close();
  }
  return { cases, exporters, events, seconds: (Date.now() - started) / 1000 };
}

/**
 * One append per stream (its events in order, on a new stream), all of a
 * round at once: the store commits them in a few group-commit transactions.
 */
async function appendByStream(store: EventStore, events: readonly DecidedEvent[]): Promise<number> {
  const streams = new Map<string, DecidedEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.streamId);
    if (stream) stream.push(event);
    else streams.set(event.streamId, [event]);
  }
  await Promise.all(
    [...streams].map(([streamId, streamEvents]) =>
      store.append(streamId, streamEvents.map(toProposed), { expectedRevision: 'no_stream' }),
    ),
  );
  return events.length;
}
