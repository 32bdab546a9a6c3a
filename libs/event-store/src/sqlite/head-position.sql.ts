import type { Database } from 'better-sqlite3';

/** The position of the last event in `$all`, or null while it is empty (the primary key's end: no scan). */
export function prepareHeadPosition(db: Database): () => bigint | null {
  const statement = db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck().safeIntegers(true);
  return () => statement.get() ?? null;
}
