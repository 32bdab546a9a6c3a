import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order on open; `PRAGMA user_version` records
 * how many have run. Append new steps, never edit old ones.
 *
 * `position` is the `$all` order (0-based, gap-free here). Stored rows are
 * never updated or deleted; upcasting happens on read.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY,
     id        TEXT    NOT NULL UNIQUE,
     stream_id TEXT    NOT NULL,
     revision  INTEGER NOT NULL,
     type      TEXT    NOT NULL,
     version   INTEGER NOT NULL,
     data      TEXT    NOT NULL,
     metadata  TEXT    NOT NULL,
     prev_hash TEXT    NOT NULL,
     hash      TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT`,
];

export function migrate(db: Database): void {
  // IMMEDIATE so two processes opening a new file do not both migrate.
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (const step of MIGRATIONS.slice(applied)) db.exec(step);
    if (applied < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
