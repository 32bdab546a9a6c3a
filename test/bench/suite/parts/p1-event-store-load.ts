/**
 * P1's subject: durable appends to the SQLite event store, each writer
 * appending one event at a time to its own stream with the exact expected
 * revision, onto a store pre-filled with `prefilledEvents` events.
 */
import { type ExpectedRevision, openSqliteEventStore, type SqliteEventStore } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { randomUUID } from 'node:crypto';
import { type AppendSubject, closedLoop } from './p1-append-load';

const PREFILL_EVENTS_PER_APPEND = 100;
const PREFILL_CONCURRENCY = 16;

/** Fills the store through its own append path (so the hash chains are real), many events per append. */
async function prefill(store: SqliteEventStore, events: number, say: (line: string) => void): Promise<void> {
  const appends = Math.ceil(events / PREFILL_EVENTS_PER_APPEND);
  let next = 0;
  const filler = async () => {
    for (let n = next++; n < appends; n = next++) {
      const batch = Array.from({ length: PREFILL_EVENTS_PER_APPEND }, (_, i) => ({
        id: randomUUID(),
        type: 'BenchPrefilled',
        version: 1,
        data: { n: i },
        metadata: fixedMetadata(),
      }));
      await store.append(`prefill-${n}`, batch, { expectedRevision: 'no_stream' });
      if (n > 0 && n % 2000 === 0) say(`pre-filled ${(n * PREFILL_EVENTS_PER_APPEND).toLocaleString('en')} events`);
    }
  };
  await Promise.all(Array.from({ length: PREFILL_CONCURRENCY }, filler));
}

/** The store as a P1 subject; `appendsPerCommit` reports its group-commit batch size per writer count. */
export interface EventStoreSubject extends AppendSubject {
  appendsPerCommit(writers: number): number;
}

export async function openEventStoreSubject(
  filename: string,
  prefilledEvents: number,
  say: (line: string) => void,
): Promise<EventStoreSubject> {
  const filling = openSqliteEventStore({ filename });
  await prefill(filling, prefilledEvents, say);
  // Closing checkpoints the WAL into the file: every subject starts with an empty WAL.
  await filling.close();
  const store = openSqliteEventStore({ filename });
  // Each writer count has its own streams, one per writer, carried across rounds.
  const expected = new Map<number, ExpectedRevision[]>();
  const commits = new Map<number, { appends: number; batches: number }>();
  return {
    async measure(writers, seconds) {
      const revisions = expected.get(writers) ?? Array.from({ length: writers }, (): ExpectedRevision => 'no_stream');
      expected.set(writers, revisions);
      const before = store.commitStats;
      const sample = await closedLoop(writers, seconds, async (w) => {
        const event = {
          id: randomUUID(),
          type: 'BenchAppended',
          version: 1,
          data: { n: 1 },
          metadata: fixedMetadata(),
        };
        const result = await store.append(`bench${writers}-${w}`, [event], { expectedRevision: revisions[w]! });
        revisions[w] = result.nextExpectedRevision;
      });
      const after = store.commitStats;
      const total = commits.get(writers) ?? { appends: 0, batches: 0 };
      commits.set(writers, {
        appends: total.appends + after.appends - before.appends,
        batches: total.batches + after.batches - before.batches,
      });
      return sample;
    },
    appendsPerCommit(writers) {
      const total = commits.get(writers);
      return total === undefined ? Number.NaN : Math.round((total.appends / Math.max(1, total.batches)) * 10) / 10;
    },
    close: () => store.close(),
  };
}
