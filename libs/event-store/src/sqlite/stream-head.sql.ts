import type { Database } from 'better-sqlite3';

export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

/** The last event of a stream: where the next append goes and what it chains to. */
export function prepareStreamHead(db: Database): (streamId: string) => StreamHead | undefined {
  const statement = db
    .prepare<[string], StreamHead>(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .safeIntegers(true);
  return (streamId) => statement.get(streamId);
}
