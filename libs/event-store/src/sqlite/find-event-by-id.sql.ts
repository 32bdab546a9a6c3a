import type { Database } from 'better-sqlite3';
import { StoredEventRef } from '../idempotency';

/** Where an event id is stored, for the idempotency rule. */
export function prepareFindEventById(db: Database): (id: string) => StoredEventRef | undefined {
  const statement = db
    .prepare<[string], StoredEventRef>('SELECT id, stream_id AS streamId, revision, position FROM events WHERE id = ?')
    .safeIntegers(true);
  return (id) => statement.get(id);
}
