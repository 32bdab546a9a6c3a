import Database from 'better-sqlite3';
import { openSqliteEventStore, type EventStore, type ProposedEvent } from '@licensing/event-store';
import { Metrics } from '@licensing/platform';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../document-store';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';

interface Tally {
  id: string;
  total: number;
}

const AT = '2026-01-01T00:00:00.000Z';
const PARK_AFTER = 3;

function deposit(amount: unknown): ProposedEvent {
  return {
    id: randomUUID(),
    type: 'Deposited',
    version: 1,
    data: { amount },
    metadata: {
      actor: 't',
      role: 'system',
      commandId: randomUUID(),
      correlationId: 'c',
      causationId: 'c',
      occurredAt: AT,
      recordedAt: AT,
    },
  };
}

/** Resolves when `done()` holds, checking after every turn of the event loop; fails after 10 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a read model parks the event it cannot apply and goes on', () => {
  let dir: string;
  let store: EventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;
  let metrics: Metrics;
  const logged: string[] = [];
  /** Until a fix, the read model refuses any amount that is not a number: a poison event for it. */
  let fixed = false;
  const calls = new Map<string, number>();

  const tallies: Projection<Tally> = {
    name: 'tallies',
    version: 1,
    filter: { streamPrefixes: ['account-'] },
    keysOf: (event) => [event.streamId],
    evolve(doc, event, key) {
      calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
      const amount = (event.data as { amount: unknown }).amount;
      // A document JSON cannot hold: found only when it is written.
      if (amount === 'bigint') return { id: key, total: 1n as unknown as number };
      if (typeof amount !== 'number' && !fixed) throw new TypeError(`amount ${String(amount)} is not a number`);
      return { id: key, total: (doc?.total ?? 0) + Number(amount) };
    },
  };

  const start = async () => {
    metrics = new Metrics({ processMetrics: false });
    runner = new ProjectionRunner(store, new DocumentStore(db), [tallies], {
      now: () => AT,
      retryBackoff: { initialDelayMs: 5, maxDelayMs: 20 },
      parkAfterAttempts: PARK_AFTER,
      log: (message) => logged.push(message),
      metrics,
    });
    await runner.start();
  };
  const documents = () => new DocumentStore(db).all<Tally>('tallies');
  const append = async (stream: string, amount: unknown) =>
    (await store.append(stream, [deposit(amount)], { expectedRevision: 'any' })).position;
  const parkedGauge = async () =>
    /licensing_projection_parked_events\{read_model="tallies"\} (\d+)/.exec(await metrics.scrape())?.[1];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parking-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 5 });
    db = new Database(join(dir, 'read.sqlite'));
    fixed = false;
    calls.clear();
    logged.length = 0;
    await start();
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`parks a poison event after ${PARK_AFTER} attempts while later events still flow into the read model`, async () => {
    await append('account-a', 5);
    const poison = await append('account-a', 'NaN');
    await append('account-b', 3);
    const last = await append('account-a', 7);
    await runner.waitFor(last);

    expect(documents()).toEqual([
      { id: 'account-a', total: 12 },
      { id: 'account-b', total: 3 },
    ]);
    expect(runner.parkedEvents.list()).toEqual([
      expect.objectContaining({
        readModel: 'tallies',
        position: poison,
        streamId: 'account-a',
        eventType: 'Deposited',
        error: 'amount NaN is not a number',
        attempts: PARK_AFTER,
        state: 'parked',
        decidedAt: null,
      }),
    ]);
    await until(() => runner.status()[0]!.caughtUp, 'the read model to follow live again');
    expect(runner.status()[0]).toMatchObject({ position: last, lastError: null });
    expect(logged.filter((line) => line.includes('parked after'))).toHaveLength(1);
    expect(await parkedGauge()).toBe('1');
  });

  it('parks an event whose document cannot be written while catching up: the batch is lost and replayed one event at a time', async () => {
    await runner.stop();
    await append('account-a', 5);
    const poison = await append('account-a', 'bigint');
    await append('account-b', 3);
    const last = await append('account-a', 7);
    await start();
    await runner.waitFor(last);

    // The batch failed as a whole; replayed event by event, only the one event is parked.
    expect(logged.filter((line) => line.includes('failed to commit'))).toHaveLength(1);
    expect(documents()).toEqual([
      { id: 'account-a', total: 12 },
      { id: 'account-b', total: 3 },
    ]);
    expect(runner.parkedEvents.list()).toEqual([
      expect.objectContaining({ position: poison, error: expect.stringMatching(/BigInt/), attempts: PARK_AFTER }),
    ]);
    expect(runner.status()[0]).toMatchObject({ position: last, caughtUp: true, lastError: null });
  });

  it('applies a parked event when ops retry it after a fix, and keeps it parked with the new error before', async () => {
    await append('account-a', 5);
    const poison = await append('account-a', '2');
    await runner.waitFor(poison);

    await expect(runner.parkedEvents.retry('tallies', poison)).resolves.toEqual({
      outcome: 'failed',
      error: 'amount 2 is not a number',
    });
    expect(runner.parkedEvents.find('tallies', poison)).toMatchObject({ state: 'parked', attempts: PARK_AFTER + 1 });
    expect(documents()).toEqual([{ id: 'account-a', total: 5 }]);

    fixed = true;
    await expect(runner.parkedEvents.retry('tallies', poison)).resolves.toEqual({ outcome: 'applied' });
    expect(documents()).toEqual([{ id: 'account-a', total: 7 }]);
    expect(runner.parkedEvents.find('tallies', poison)).toMatchObject({ state: 'resolved', decidedAt: AT });
    expect(await parkedGauge()).toBe('0');
    await expect(runner.parkedEvents.retry('tallies', poison)).rejects.toThrow(/no parked event .* \(resolved\)/);
  });

  it('parks the same way in a rebuild: at once for an event parked before, and passes over one ops skipped', async () => {
    const skippedAt = await append('account-a', 'skip me');
    const parkedAt = await append('account-b', 'park me');
    const last = await append('account-a', 1);
    await runner.waitFor(last);
    runner.parkedEvents.skip('tallies', skippedAt);
    const before = new Map(calls);

    await runner.rebuild(['tallies']);
    expect(documents()).toEqual([{ id: 'account-a', total: 1 }]);
    // Each failed once in the rebuild: no more attempts for an event already judged.
    for (const position of [skippedAt, parkedAt]) {
      const { eventId } = runner.parkedEvents.find('tallies', position)!;
      expect({ position, calls: calls.get(eventId)! - before.get(eventId)! }).toEqual({ position, calls: 1 });
    }
    expect(runner.parkedEvents.list().map((p) => [p.position, p.state, p.attempts])).toEqual([
      [skippedAt, 'skipped', PARK_AFTER],
      [parkedAt, 'parked', PARK_AFTER + 1],
    ]);
  });

  it('never parks for an infrastructure failure (SQLite refusing writes): it retries until SQLite works again', async () => {
    await append('account-a', 5);
    await runner.waitFor(await append('account-a', 1));
    db.pragma('query_only = ON');
    const position = await append('account-a', 10);
    const failures = () => logged.filter((line) => line.includes('readonly database')).length;
    await until(() => failures() > PARK_AFTER + 1, `more than ${PARK_AFTER + 1} failed attempts`);
    expect(runner.parkedEvents.list()).toEqual([]);
    expect(runner.status()[0]).toMatchObject({ caughtUp: false, lastError: expect.stringContaining('readonly') });

    db.pragma('query_only = OFF');
    await runner.waitFor(position);
    expect(documents()).toEqual([{ id: 'account-a', total: 16 }]);
    expect(runner.parkedEvents.list()).toEqual([]);
  });
});
