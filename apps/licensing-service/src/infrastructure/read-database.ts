import Database from 'better-sqlite3';

/**
 * Pages the WAL grows to before SQLite copies it into the database (~40 MB;
 * SQLite's default is 1,000). Each copy syncs the file: at the default a
 * rebuild, which writes index pages all over a large file, spent a third of
 * its time committing; 10,000 made it 2.1–2.3× faster (docs/performance.md, P3).
 */
export const READ_DATABASE_WAL_PAGES = 10_000;

/**
 * The read-model database. Read models are derived and rebuildable from the
 * event log, so `synchronous=NORMAL` is enough: a power cut may lose the
 * last checkpointed batch, which the runner then simply applies again.
 * Idempotency records live here too and are kept across rebuilds.
 */
export function openReadDatabase(filename: string): Database.Database {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${READ_DATABASE_WAL_PAGES}`);
  return db;
}
