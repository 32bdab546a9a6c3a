import Database from 'better-sqlite3';

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
  return db;
}
