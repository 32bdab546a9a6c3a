import type { Database } from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow } from './event-row';

/** One batch of `$all` from a position (inclusive) upwards. */
export function prepareReadAll(db: Database): (fromPosition: bigint, limit: number) => EventRow[] {
  const statement = db
    .prepare<[bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
    )
    .safeIntegers(true);
  return (fromPosition, limit) => statement.all(fromPosition, limit);
}
