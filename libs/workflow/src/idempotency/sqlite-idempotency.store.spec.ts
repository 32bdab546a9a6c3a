import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../shared/clock';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

describe('SqliteIdempotencyStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const file = join(dir, 'service.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const response = { fingerprint: 'f1', status: 201, headers: { ETag: '"0"' }, body: { revision: '0' } };

  it('returns the first response for a key, also after the database is reopened', () => {
    const first = new Database(file);
    new SqliteIdempotencyStore(first).remember('alice', 'k1', response, '2026-01-01T00:00:00.000Z');
    first.close();

    const reopened = new Database(file);
    const store = new SqliteIdempotencyStore(reopened);
    expect(store.find('alice', 'k1')).toEqual(response);
    reopened.close();
  });

  it('keeps the first response when a racing second one is remembered', () => {
    const db = new Database(file);
    const store = new SqliteIdempotencyStore(db);
    store.remember('alice', 'k1', { ...response, status: 200 }, '2026-01-01T00:00:01.000Z');
    expect(store.find('alice', 'k1')?.status).toBe(201);
    db.close();
  });

  it('scopes keys by actor', () => {
    const db = new Database(file);
    const store = new SqliteIdempotencyStore(db);
    expect(store.find('bob', 'k1')).toBeUndefined();
    db.close();
  });
});

describe('SqliteIdempotencyStore retention', () => {
  const response = { fingerprint: 'f1', status: 201, headers: { ETag: '"0"' }, body: { revision: '0' } };
  const START = '2026-01-01T00:00:00.000Z';
  let db: Database.Database;
  let clock: ManualClock;
  beforeEach(() => {
    db = new Database(':memory:');
    clock = new ManualClock(START);
  });
  afterEach(() => db.close());

  const count = () => (db.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number }).n;

  it('replays a response within the retention and treats one past it as absent', () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 24, clock });
    store.remember('alice', 'k1', response, clock.now());
    clock.set('2026-01-02T00:00:00.000Z'); // exactly 24 h: still remembered
    expect(store.find('alice', 'k1')).toEqual(response);
    clock.set('2026-01-02T00:00:00.001Z');
    expect(store.find('alice', 'k1')).toBeUndefined();
  });

  it('replaces an expired response with the new one, but never a live one', () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 24, clock });
    store.remember('alice', 'k1', response, clock.now());
    store.remember('alice', 'k1', { ...response, status: 200 }, clock.now());
    expect(store.find('alice', 'k1')?.status).toBe(201);
    clock.advanceDays(2);
    store.remember('alice', 'k1', { ...response, status: 200 }, clock.now());
    expect(store.find('alice', 'k1')?.status).toBe(200);
    expect(count()).toBe(1);
  });

  it('prunes only expired responses, oldest first, in bounded batches', async () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 24, clock });
    for (let i = 0; i < 5; i += 1) store.remember('alice', `old-${i}`, response, `2026-01-01T00:00:0${i}.000Z`);
    clock.advanceDays(1);
    store.remember('alice', 'new', response, clock.now());
    clock.set('2026-01-02T00:00:10.000Z'); // the five are past 24 h, 'new' is not

    expect(store.pruneBatch(2)).toBe(2);
    expect(store.find('alice', 'new')).toEqual(response);
    expect(count()).toBe(4);
    const report = await store.pruneExpired({ batchSize: 2 });
    expect(report).toEqual({ pruned: 3, batches: 2, before: '2026-01-01T00:00:10.000Z' });
    expect(count()).toBe(1);
    expect(store.find('alice', 'new')).toEqual(response);
  });

  it('stops between batches when asked', async () => {
    const store = new SqliteIdempotencyStore(db, { retentionHours: 1, clock });
    for (let i = 0; i < 6; i += 1) store.remember('alice', `old-${i}`, response, START);
    clock.advanceDays(1);
    let asked = 0;
    const report = await store.pruneExpired({ batchSize: 2, shouldStop: () => ++asked > 1 });
    expect(report.pruned).toBe(2);
    expect(count()).toBe(4);
  });

  it('keeps every response forever with retention 0 (the default)', async () => {
    for (const store of [
      new SqliteIdempotencyStore(db),
      new SqliteIdempotencyStore(db, { retentionHours: 0, clock }),
    ]) {
      store.remember('alice', 'k1', response, START);
      clock.advanceDays(3650);
      expect(store.find('alice', 'k1')).toEqual(response);
      expect(store.pruneBatch(10)).toBe(0);
      expect(await store.pruneExpired()).toEqual({ pruned: 0, batches: 0, before: null });
    }
    expect(count()).toBe(1);
  });

  it('indexes the time column, also on a table created before the index', () => {
    db.exec(`CREATE TABLE idempotency_keys (
      actor_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      headers TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (actor_id, key))`);
    new SqliteIdempotencyStore(db, { retentionHours: 1, clock });
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT rowid FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT 10',
      )
      .all(START) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('idempotency_keys_created_at');
  });
});
