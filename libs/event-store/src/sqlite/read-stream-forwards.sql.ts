import type { Database } from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow } from './event-row';

/** Events of one stream from a revision (inclusive) upwards; limit -1 means none. */
export function prepareReadStreamForwards(
  db: Database,
): (streamId: string, fromRevision: bigint, limit: number) => EventRow[] {
  const statement = db
    .prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    )
    .safeIntegers(true);
  return (streamId, fromRevision, limit) => statement.all(streamId, fromRevision, limit);
}
