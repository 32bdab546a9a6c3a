import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RelayCheckpointStore } from './checkpoint-store';
import type { RelayParkedEventStore } from './parked-relay-events';
import { PARKED_SCHEMA, sqliteParkedRelayEvents } from './sqlite-parked-relay-events';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS relay_checkpoint (
    relay_name TEXT PRIMARY KEY,
    position   TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`;

/**
 * The checkpoint on its own SQLite file (not the event store's: the relay
 * must work the same on EventStoreDB). A checkpoint that claims more than
 * was published would skip events, the one mistake the relay must never
 * make; it cannot happen here, because a checkpoint is saved only after the
 * broker acknowledged. `synchronous = NORMAL` in WAL mode: a power loss may
 * undo the last saves, never reorder them, so the checkpoint can only fall
 * back, and the relay re-sends from there (at least once, same event ids).
 * That saves an fsync per produce request (P4 in docs/performance.md).
 * Positions are decimal strings because they can exceed 2^53. The events the
 * relay dead-lettered are recorded in the same file, for ops; one lost with
 * its checkpoint is dead-lettered again, after its retries.
 */
export function openRelayCheckpointStore(filename: string): RelayCheckpointStore & RelayParkedEventStore {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new BetterSqlite3(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    db.exec(PARKED_SCHEMA);
  } catch (error) {
    db.close();
    throw error;
  }
  const select = db.prepare<[string], { position: string }>(
    'SELECT position FROM relay_checkpoint WHERE relay_name = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO relay_checkpoint (relay_name, position, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (relay_name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
  );
  let closed = false;
  const open = (what: string) => {
    if (closed) throw new Error(`Cannot ${what}: the relay checkpoint store ${filename} is closed`);
  };

  return {
    ...sqliteParkedRelayEvents(db, open),
    async load(relayName) {
      open('load a checkpoint');
      const row = select.get(relayName);
      return row === undefined ? null : BigInt(row.position);
    },
    async save(relayName, position) {
      open('save a checkpoint');
      // Wall-clock time here is operational metadata for humans, not domain data.
      upsert.run(relayName, position.toString(), new Date().toISOString());
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
