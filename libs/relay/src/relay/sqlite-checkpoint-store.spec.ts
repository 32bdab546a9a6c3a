import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRelayCheckpointStore } from './sqlite-checkpoint-store';

describe('the SQLite relay checkpoint store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-checkpoint-'));
  const file = join(dir, 'nested', 'relay.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty, keeps one position per relay name across reopening, beyond 2^53', async () => {
    const store = openRelayCheckpointStore(file);
    expect(await store.load('license-relay')).toBeNull();
    await store.save('license-relay', 41n);
    await store.save('license-relay', 2n ** 60n + 1n);
    await store.save('second-cluster', 7n);
    await store.close();

    const reopened = openRelayCheckpointStore(file);
    expect(await reopened.load('license-relay')).toBe(2n ** 60n + 1n);
    expect(await reopened.load('second-cluster')).toBe(7n);
    await reopened.close();
    await expect(reopened.load('license-relay')).rejects.toThrow(/is closed/);
  });

  it('keeps its rows in a WAL-mode file, one row per relay name', async () => {
    const store = openRelayCheckpointStore(file);
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT relay_name FROM relay_checkpoint ORDER BY relay_name').pluck().all()).toEqual([
        'license-relay',
        'second-cluster',
      ]);
    } finally {
      db.close();
      await store.close();
    }
  });
});
