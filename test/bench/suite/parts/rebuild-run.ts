import { openConfiguredEventStore } from '@licensing/eventstoredb';
import { DocumentStore, ProjectionRunner, readModelProjections } from '@licensing/projections';
import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface RebuildRun {
  readonly readModels: number;
  /** Events of the log every read model had applied when it ended: all of them, unless cut. */
  readonly doneEvents: number;
  /** Stopped at the time budget before the swap (the suite's 15 minutes must hold). */
  readonly cut: boolean;
  readonly seconds: number;
  /**
   * How long each read model's swap took, by read model (none when cut
   * before it): one synchronous transaction, so the event loop, and any
   * request to the service, waits exactly that long.
   */
  readonly swapMs: Readonly<Record<string, number>>;
}

/**
 * Rebuilds every read model of the service from the log of `dataDir` the way
 * `POST /ops/rebuilds` does: the runner's shadow rebuild, from position 0
 * into shadow storage, swapped in once caught up. The read models are written
 * to `readDir`. So that the live runs the rebuild replaces do not first catch
 * up on the whole log themselves, their checkpoints start at its head (live
 * read models with nothing in them; the rebuild neither reads nor keeps them).
 * After `budgetSeconds` the rebuild is cancelled and what it had done counts.
 */
export async function rebuildEveryReadModel(
  dataDir: string,
  readDir: string,
  budgetSeconds: number,
  onProgress?: (doneEvents: number) => void,
): Promise<RebuildRun> {
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  // As the service's openReadDatabase (apps/licensing-service) opens read-models.sqlite.
  const db = new Database(join(readDir, 'read-models.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 10000');
  const documents = new DocumentStore(db);
  // Each swap, timed: the promotion is one synchronous transaction.
  const swapMs: Record<string, number> = {};
  const promote = documents.promote.bind(documents);
  documents.promote = (shadow, live) => {
    const started = performance.now();
    promote(shadow, live);
    swapMs[live] = Math.round(performance.now() - started);
  };
  const projections = readModelProjections();
  const runner = new ProjectionRunner(store, documents, projections, { now: () => new Date().toISOString() });
  // The slowest read model's count: the events every one of them has applied.
  const doneEvents = () => Math.min(...(runner.rebuilds.running()[0]?.readModels ?? []).map((m) => m.doneEvents));
  let progress: NodeJS.Timeout | undefined;
  let budget: NodeJS.Timeout | undefined;
  try {
    const head = (await store.readHeadPosition?.()) ?? null;
    for (const { name, version } of projections)
      documents.saveCheckpoint(name, { version, position: head }, new Date().toISOString());
    await runner.start();
    const started = performance.now();
    const rebuild = runner.rebuilds.start();
    if (onProgress) progress = setInterval(() => onProgress(doneEvents()), 10_000);
    let cut: { events: number; seconds: number } | null = null;
    budget = setTimeout(() => {
      cut = { events: doneEvents(), seconds: (performance.now() - started) / 1000 };
      void runner.rebuilds.stop();
    }, budgetSeconds * 1000);
    const finished = await runner.rebuilds.finished(rebuild.id);
    const seconds = (performance.now() - started) / 1000;
    const cutShort = cut as { events: number; seconds: number } | null;
    if (cutShort !== null)
      return {
        readModels: projections.length,
        doneEvents: cutShort.events,
        cut: true,
        seconds: cutShort.seconds,
        swapMs,
      };
    if (finished?.state !== 'completed') throw new Error(`The rebuild failed: ${finished?.error ?? 'not found'}`);
    return {
      readModels: projections.length,
      doneEvents: finished.readModels[0]?.doneEvents ?? 0,
      cut: false,
      seconds,
      swapMs,
    };
  } finally {
    clearInterval(progress);
    clearTimeout(budget);
    await runner.stop();
    await store.close();
    db.close();
  }
}
