import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
