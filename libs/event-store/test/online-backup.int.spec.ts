import { existsSync } from 'node:fs';
import {
  type BackupProgress,
  openSqliteEventStore,
  type RecordedEvent,
  type SqliteEventStore,
  StoreClosedError,
  verifyStreamIntegrity,
} from '../src';
import { proposed, readEverything } from '../src/testing';
import { tempDir } from './temp-db';

/** A few KB per event, so the file spans many pages and a backup many steps. */
const bulky = (n: number) => proposed('Bulky', { n, text: 'x'.repeat(2000) });

interface Acked {
  readonly ids: readonly string[];
  /** Acknowledged before the backup was asked for. */
  readonly beforeBackup: boolean;
  /** Acknowledged after the backup began and before it finished. */
  readonly duringBackup: boolean;
}

/** Appends 3-event batches to 20 streams, one after another, until stopped; records every acknowledgement. */
function keepAppending(store: SqliteEventStore, phase: () => 'before' | 'during' | 'after') {
  const acked: Acked[] = [];
  const revisions = new Map<string, bigint>();
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      const streamId = `load-${n % 20}`;
      const events = [bulky(n), bulky(n + 1), bulky(n + 2)];
      n += 3;
      const at = phase();
      const result = await store.append(streamId, events, { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
      revisions.set(streamId, result.nextExpectedRevision);
      const now = phase();
      acked.push({
        ids: events.map((event) => event.id),
        beforeBackup: now === 'before' && at === 'before',
        duringBackup: now === 'during',
      });
    }
  })();
  return {
    acked,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  return streams;
}

describe('online backup of the SQLite store (SQLite backup API)', () => {
  let dir: ReturnType<typeof tempDir>;
  const open: SqliteEventStore[] = [];
  const openStore = (name = 'events.sqlite') => {
    const store = openSqliteEventStore({ filename: dir.path(name), synchronous: 'NORMAL' });
    open.push(store);
    return store;
  };
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    dir.remove();
  });

  async function seed(store: SqliteEventStore, events: number): Promise<void> {
    for (let i = 0; i < events; i += 50)
      await store.append(
        `seed-${i}`,
        Array.from({ length: 50 }, (_, k) => bulky(i + k)),
        {
          expectedRevision: 'no_stream',
        },
      );
  }

  it('copies a store while appends go on: every append acknowledged before is in the copy, each one whole', async () => {
    const store = openStore();
    await seed(store, 1000);
    let phase: 'before' | 'during' | 'after' = 'before';
    const load = keepAppending(store, () => phase);
    while (load.acked.filter((a) => a.beforeBackup).length < 20) await new Promise((r) => setImmediate(r));

    const progress: BackupProgress[] = [];
    const backup = store.backup(dir.path('copy.sqlite'), {
      pagesPerStep: 8,
      onProgress: (step) => progress.push(step),
    });
    phase = 'during';
    const { totalPages } = await backup;
    phase = 'after';
    await load.stop();

    expect(load.acked.filter((a) => a.duringBackup).length).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.at(-1)).toEqual({ totalPages, remainingPages: 0 });
    const copiedPages = progress.map((p) => p.totalPages - p.remainingPages);
    expect(copiedPages).toEqual([...copiedPages].sort((a, b) => a - b));

    const copy = openStore('copy.sqlite');
    const events = await readEverything(copy, 1000);
    const ids = new Set(events.map((event) => event.id));
    for (const append of load.acked.filter((a) => a.beforeBackup))
      expect(append.ids.filter((id) => !ids.has(id))).toEqual([]);
    for (const append of load.acked) {
      const present = append.ids.filter((id) => ids.has(id)).length;
      expect([0, append.ids.length]).toContain(present);
    }
    for (const [streamId, stream] of byStream(events))
      expect({ streamId, ...verifyStreamIntegrity(stream) }).toMatchObject({ streamId, valid: true });
    // Gap-free in the copy as in the store: no append half there.
    const first = events[0]?.position ?? 0n;
    expect(events.map((event) => event.position)).toEqual(events.map((_, i) => first + BigInt(i)));
  });

  it('finishes, consistent, while another connection keeps writing (SQLite restarts the copy; the rest goes in one step)', async () => {
    const store = openStore();
    await seed(store, 600);
    const otherWriter = openStore();
    let phase: 'before' | 'during' | 'after' = 'before';
    const load = keepAppending(otherWriter, () => phase);
    const progress: BackupProgress[] = [];
    const backup = store.backup(dir.path('copy.sqlite'), { pagesPerStep: 4, onProgress: (p) => progress.push(p) });
    phase = 'during';
    await backup;
    await load.stop();

    const copiedPages = progress.map((p) => p.totalPages - p.remainingPages);
    // A restart shows as a step that did not add to what was copied.
    expect(copiedPages.some((copied, i) => i > 1 && copied <= (copiedPages[i - 1] ?? 0))).toBe(true);
    const events = await readEverything(openStore('copy.sqlite'), 1000);
    expect(events.length).toBeGreaterThanOrEqual(600);
    for (const [streamId, stream] of byStream(events))
      expect({ streamId, ...verifyStreamIntegrity(stream) }).toMatchObject({ streamId, valid: true });
  });

  it('waits for a running backup before closing, and refuses one once closed', async () => {
    const store = openSqliteEventStore({ filename: dir.path(), synchronous: 'NORMAL' });
    await seed(store, 200);
    const backup = store.backup(dir.path('copy.sqlite'), { pagesPerStep: 1 });
    await store.close();
    await expect(backup).resolves.toEqual({ totalPages: expect.any(Number) });
    expect(existsSync(dir.path('copy.sqlite'))).toBe(true);
    await expect(store.backup(dir.path('again.sqlite'))).rejects.toBeInstanceOf(StoreClosedError);
    await expect(openStore().backup(dir.path('x.sqlite'), { pagesPerStep: 0 })).rejects.toThrow(RangeError);
  });
});
