import BetterSqlite3 from 'better-sqlite3';

export interface SqliteStoreSummary {
  readonly events: number;
  readonly streams: number;
  /** `$all` position of the last event; null when the store is empty. */
  readonly lastPosition: bigint | null;
}

/** What a store file holds, read on a connection of its own (a backup's copy, say). */
export function summarizeSqliteStore(filename: string): SqliteStoreSummary {
  const db = new BetterSqlite3(filename, { fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT count(*) AS events, count(DISTINCT stream_id) AS streams, max(position) AS last FROM events')
      .safeIntegers(true)
      .get() as { events: bigint; streams: bigint; last: bigint | null };
    return { events: Number(row.events), streams: Number(row.streams), lastPosition: row.last };
  } finally {
    db.close();
  }
}
