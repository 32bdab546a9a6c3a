import Database from 'better-sqlite3';
import { ManualClock } from '../shared/clock';
import { IdempotencyPruner } from './idempotency-pruner';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

describe('IdempotencyPruner', () => {
  const response = { fingerprint: 'f1', status: 201, headers: {}, body: null };
  let db: Database.Database;
  let clock: ManualClock;
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    db = new Database(':memory:');
    clock = new ManualClock('2026-01-01T00:00:00.000Z');
  });
  afterEach(() => {
    jest.useRealTimers();
    db.close();
  });

  const count = () => (db.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number }).n;

  it('prunes on start, then on each tick of an unref’d timer, and stops on shutdown', async () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 24, clock });
    store.remember('alice', 'a', response, clock.now());
    clock.advanceDays(2);
    store.remember('alice', 'b', response, clock.now());
    const logs: string[] = [];
    const pruner = new IdempotencyPruner(store, { intervalMs: 60_000, batchSize: 10, log: (m) => logs.push(m) });

    await pruner.start();
    expect(count()).toBe(1);
    expect(logs).toEqual([
      'Idempotency records pruned: 1 remembered before 2026-01-02T00:00:00.000Z (retention 24 h, 1 batch)',
    ]);
    expect(jest.getTimerCount()).toBe(1);

    clock.advanceDays(2);
    await jest.advanceTimersByTimeAsync(60_000);
    await pruner.run(); // let the timer's pass settle
    expect(count()).toBe(0);
    expect(logs).toHaveLength(2);

    await pruner.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('runs no timer when responses are kept forever', async () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 0, clock });
    store.remember('alice', 'a', response, clock.now());
    clock.advanceDays(3650);
    const pruner = new IdempotencyPruner(store);
    await pruner.start();
    expect(jest.getTimerCount()).toBe(0);
    expect(count()).toBe(1);
    await pruner.stop();
  });

  it('warns and keeps going when a pass fails', async () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 1, clock });
    const warnings: string[] = [];
    jest.spyOn(store, 'pruneExpired').mockRejectedValueOnce(new Error('disk I/O error'));
    const pruner = new IdempotencyPruner(store, { warn: (m) => warnings.push(m) });
    await pruner.start();
    expect(warnings).toEqual(['Pruning idempotency records failed: disk I/O error']);
    expect(await pruner.run()).toMatchObject({ pruned: 0 });
    await pruner.stop();
  });
});
