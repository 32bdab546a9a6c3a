/**
 * P1's ceilings: raw better-sqlite3 writing rows of the store's shape into a
 * table of the store's shape, with the store's pragmas, and nothing else (no
 * checks, no hash chain, no event loop): one INSERT per transaction (what
 * one durable append at a time can reach) and 100-row transactions (what
 * batching can reach).
 */
import { canonicalJson } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { type AppendSubject, synchronousLoop } from './p1-append-load';

// The store's table (libs/event-store/src/sqlite/schema.sql.ts) and pragmas
// (sqlite-options.ts), written out: the ceiling must not move with them silently.
const EVENTS_TABLE = `CREATE TABLE events (
  position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision)) STRICT`;
const STORE_PRAGMAS = [
  'busy_timeout = 5000',
  'journal_mode = WAL',
  'cache_size = -32768',
  'wal_autocheckpoint = 10000',
  'synchronous = FULL',
];

/** A stand-in hash: the ceiling stores the same bytes without computing them. */
const HASH = 'ab'.repeat(32);
const METADATA = canonicalJson(fixedMetadata());

function openRaw(file: string, prefilledRows: number): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  for (const pragma of STORE_PRAGMAS) db.pragma(pragma);
  db.exec(EVENTS_TABLE);
  const insert = db.prepare(
    'INSERT INTO events (id, stream_id, revision, type, version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)',
  );
  const fill = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++)
      insert.run(
        randomUUID(),
        `prefill-${Math.floor(n / 100)}`,
        n % 100,
        'BenchPrefilled',
        `{"n":${n}}`,
        METADATA,
        HASH,
        HASH,
      );
  });
  for (let from = 0; from < prefilledRows; from += 10_000) fill(from, Math.min(prefilledRows, from + 10_000));
  // As the store's subject does by reopening: start measuring with an empty WAL.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** Raw better-sqlite3 committing `rowsPerCommit` rows of one stream per transaction, on `prefilledRows` rows. */
export function openRawCeiling(file: string, prefilledRows: number, rowsPerCommit: number): AppendSubject {
  const db = openRaw(file, prefilledRows);
  const insert = db.prepare(
    "INSERT INTO events (id, stream_id, revision, type, version, data, metadata, prev_hash, hash) VALUES (?, 'raw-1', ?, 'BenchAppended', 1, '{\"n\":1}', ?, ?, ?)",
  );
  let revision = 0;
  const commit = db.transaction(() => {
    for (let row = 0; row < rowsPerCommit; row++) insert.run(randomUUID(), revision++, METADATA, HASH, HASH);
  });
  return {
    measure: (_writers, seconds) => Promise.resolve(synchronousLoop(seconds, rowsPerCommit, () => commit.immediate())),
    close: () => Promise.resolve(void db.close()),
  };
}
