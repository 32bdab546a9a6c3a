import Database from 'better-sqlite3';
import { type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { Metrics } from '@licensing/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../document-store';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { RebuildAlreadyRunningError, UnknownReadModelError } from './rebuild-errors';
import { INTERRUPTED } from './rebuild-history';
import type { RebuildProgress } from './rebuild-progress';
import { shadowName } from './shadow-rebuild';
import { countingLedger, deposit, type Tally, tallies } from './testing/accounts';

// Each test replays 3 000 events several times on two shared cores.
jest.setTimeout(30_000);

const ACCOUNTS = 60;
const DEPOSITS_PER_ACCOUNT = 50;
const account = (n: number) => `account-${n % ACCOUNTS}`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** As the service opens it: read models are rebuildable, so no fsync per transaction. */
function readDatabase(filename: string): Database.Database {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

describe('rebuilding a read model in shadow storage while it keeps answering', () => {
  let dir: string;
  let store: EventStore;
  let db: Database.Database;
  let documents: DocumentStore;
  let runner: ProjectionRunner;
  let ledger: ReturnType<typeof countingLedger>;
  let metrics: Metrics;

  const open = (projections: readonly Projection[]) => {
    db = readDatabase(join(dir, 'read.sqlite'));
    documents = new DocumentStore(db);
    metrics = new Metrics({ processMetrics: false });
    runner = new ProjectionRunner(store, documents, projections, {
      now: () => '2026-01-01T00:00:00.000Z',
      retryBackoff: { initialDelayMs: 10 },
      metrics,
    });
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shadow-rebuild-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 10 });
    // 3 000 events: enough that the rebuild takes several 5 ms time slices, so it yields to the event loop.
    for (let n = 0; n < ACCOUNTS; n += 1)
      await store.append(
        account(n),
        Array.from({ length: DEPOSITS_PER_ACCOUNT }, (_, i) => deposit(i + 1)),
        { expectedRevision: 'no_stream' },
      );
    ledger = countingLedger();
    open([tallies, ledger.projection]);
    await runner.start();
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tallies a runner builds from nothing, on its own database. */
  async function cleanRebuild(): Promise<Tally[]> {
    const clean = readDatabase(join(dir, `clean-${Date.now()}.sqlite`));
    const cleanRunner = new ProjectionRunner(store, new DocumentStore(clean), [tallies], { now: () => 'now' });
    try {
      await cleanRunner.start();
      return new DocumentStore(clean).all<Tally>('tallies');
    } finally {
      await cleanRunner.stop();
      clean.close();
    }
  }

  /** Polls the rebuild on every turn of the event loop until it has finished; answers every sample. */
  async function follow(id: string): Promise<RebuildProgress[]> {
    const samples: RebuildProgress[] = [];
    for (;;) {
      const progress = runner.rebuilds.get(id);
      if (progress === null) throw new Error(`no rebuild ${id}`);
      samples.push(progress);
      if (progress.state !== 'running') return samples;
      await nextTurn();
    }
  }

  it('answers every read from the live model meanwhile, never regressed, and ends equal to a clean rebuild with the appends made meanwhile', async () => {
    const ledgerCallsBefore = ledger.evolveCalls();
    const started = runner.rebuilds.start(['tallies']);
    let rebuilding = true;
    const finished = runner.rebuilds.finished(started.id).finally(() => (rebuilding = false));

    // A writer appending one deposit at a time for as long as the rebuild runs, and then some.
    let appended = 0;
    let lastPosition = 0n;
    const writer = (async () => {
      while (rebuilding || appended < 20) {
        ({ position: lastPosition } = await store.append(account(appended), [deposit(1)], { expectedRevision: 'any' }));
        appended += 1;
      }
    })();

    // A reader on every turn of the event loop: every account exists, and no deposit it saw ever disappears.
    const seen = new Map<string, number>();
    const problems: string[] = [];
    let readsWhileRebuilding = 0;
    while (rebuilding) {
      for (let n = 0; n < ACCOUNTS; n += 1) {
        const doc = documents.get<Tally>('tallies', account(n));
        if (doc === null) problems.push(`${account(n)} read as none`);
        else if (doc.deposits < (seen.get(doc.id) ?? 0)) problems.push(`${doc.id} went back to ${doc.deposits}`);
        else seen.set(doc.id, doc.deposits);
      }
      readsWhileRebuilding += 1;
      await nextTurn();
    }
    await writer;
    await runner.waitFor(lastPosition);

    expect(problems).toEqual([]);
    // The event loop served the reader while the shadow replayed the log, not only before it began.
    expect(readsWhileRebuilding).toBeGreaterThan(1);
    expect(await finished).toMatchObject({ state: 'completed', error: null });
    const rebuilt = documents.all<Tally>('tallies');
    expect(rebuilt).toEqual(await cleanRebuild());
    expect(rebuilt.reduce((sum, doc) => sum + doc.deposits, 0)).toBe(ACCOUNTS * DEPOSITS_PER_ACCOUNT + appended);
    expect(documents.checkpoint('tallies')).toEqual({ version: 1, position: lastPosition });
    // Nothing of the shadow is left, and the other read model was never replayed: it only followed the appends.
    expect(documents.all(shadowName('tallies'))).toEqual([]);
    expect(documents.checkpoint(shadowName('tallies'))).toBeNull();
    expect(ledger.evolveCalls() - ledgerCallsBefore).toBe(appended);
    expect(documents.get('ledger', 'all')).toEqual({ events: ACCOUNTS * DEPOSITS_PER_ACCOUNT + appended });
  });

  it('reports done and total events growing to completion, with a rate, in the list and in metrics', async () => {
    const started = runner.rebuilds.start(['tallies']);
    expect(started).toMatchObject({ id: expect.stringMatching(/^\d+$/), state: 'running', finishedAt: null });

    const samples = await follow(started.id);
    const during = samples.filter((sample) => sample.state === 'running' && sample.doneEvents > 0);
    expect(during.length).toBeGreaterThan(0);
    const done = samples.map((sample) => sample.doneEvents);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(during.some((sample) => sample.doneEvents < sample.totalEvents && sample.etaSeconds !== null)).toBe(true);

    const last = samples.at(-1);
    expect(last).toMatchObject({
      state: 'completed',
      doneEvents: ACCOUNTS * DEPOSITS_PER_ACCOUNT,
      totalEvents: ACCOUNTS * DEPOSITS_PER_ACCOUNT,
      readModels: [{ name: 'tallies', doneEvents: 3000, totalEvents: 3000, swapped: true }],
      etaSeconds: null,
      error: null,
      finishedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(last?.eventsPerSecond).toBeGreaterThan(0);
    expect(runner.rebuilds.list()[0]).toEqual(last);
    const scrape = await metrics.scrape();
    expect(scrape).toContain('licensing_projection_rebuilds_total{outcome="completed"} 1');
    expect(scrape).not.toMatch(/licensing_projection_rebuild_done_events\{/);
  });

  it('shows a running rebuild in metrics by read model', async () => {
    const started = runner.rebuilds.start(['tallies']);
    let scrape = '';
    while (runner.rebuilds.get(started.id)?.state === 'running' && !/rebuild_done_events\{[^}]*\} [1-9]/.test(scrape)) {
      scrape = await metrics.scrape();
      await nextTurn();
    }
    expect(scrape).toMatch(/licensing_projection_rebuild_done_events\{read_model="tallies"\} [1-9]\d*/);
    expect(scrape).toMatch(/licensing_projection_rebuild_total_events\{read_model="tallies"\} [1-9]\d*/);
    await runner.rebuilds.finished(started.id);
  });

  it('refuses an unknown read model and a second rebuild of the same one, and runs one of another beside it', async () => {
    expect(() => runner.rebuilds.start(['nope'])).toThrow(UnknownReadModelError);
    const first = runner.rebuilds.start(['tallies']);
    expect(() => runner.rebuilds.start(['tallies'])).toThrow(RebuildAlreadyRunningError);
    expect(() => runner.rebuilds.start()).toThrow(new RebuildAlreadyRunningError(first.id, ['tallies']));
    const other = runner.rebuilds.start(['ledger']);
    const ended = await Promise.all([runner.rebuilds.finished(first.id), runner.rebuilds.finished(other.id)]);
    expect(ended.map((rebuild) => rebuild?.state)).toEqual(['completed', 'completed']);
    expect(Number(other.id)).toBe(Number(first.id) + 1);
  });

  it('leaves the live model as it was when the runner stops mid-rebuild, records it failed, and restarts clean', async () => {
    const live = documents.all<Tally>('tallies');
    const started = runner.rebuilds.start(['tallies']);
    while ((runner.rebuilds.get(started.id)?.doneEvents ?? 0) === 0) await nextTurn();
    await runner.stop();

    expect(await runner.rebuilds.finished(started.id)).toMatchObject({ state: 'failed', error: INTERRUPTED });
    expect(documents.all<Tally>('tallies')).toEqual(live);
    expect(documents.all(shadowName('tallies'))).toEqual([]);

    db.close();
    open([tallies, ledger.projection]);
    await runner.start();
    expect(runner.rebuilds.get(started.id)).toMatchObject({ state: 'failed', error: INTERRUPTED });
    expect(documents.all<Tally>('tallies')).toEqual(live);
  });

  it('marks a rebuild a crash cut short as failed when the runner starts again', async () => {
    const started = runner.rebuilds.start(['tallies']);
    while ((runner.rebuilds.get(started.id)?.doneEvents ?? 0) === 0) await nextTurn();
    // A crash: the process is gone, the history row still says running and the shadow is half built
    // (what it held unwritten is gone with the process). A copy of the file as it is now, in one step.
    const copy = join(dir, 'crashed.sqlite');
    db.prepare('VACUUM INTO ?').run(copy);
    await runner.rebuilds.finished(started.id);

    const crashed = readDatabase(copy);
    const afterCrash = new ProjectionRunner(store, new DocumentStore(crashed), [tallies], { now: () => 'later' });
    try {
      expect(afterCrash.rebuilds.get(started.id)).toMatchObject({ state: 'failed', finishedAt: 'later' });
      await afterCrash.start();
      expect(new DocumentStore(crashed).all(shadowName('tallies'))).toEqual([]);
      expect(new DocumentStore(crashed).all('tallies')).toEqual(await cleanRebuild());
    } finally {
      await afterCrash.stop();
      crashed.close();
    }
  });

  it('resumes from the swapped checkpoint after a restart, applying nothing twice', async () => {
    await runner.rebuild(['tallies']);
    await runner.stop();
    db.close();
    const { position } = await store.append(account(7), [deposit(1000)], { expectedRevision: 'any' });
    open([tallies, ledger.projection]);
    await runner.start();
    await runner.waitFor(position);
    expect(documents.all<Tally>('tallies')).toEqual(await cleanRebuild());
  });
});
