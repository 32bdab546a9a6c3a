import type { Database } from 'better-sqlite3';
import { SealedEvent } from '../envelope';

/** Stores one sealed event at the next `$all` position and returns that position. */
export function prepareInsertEvent(db: Database): (event: SealedEvent) => bigint {
  const statement = db
    .prepare<unknown[], { position: bigint }>(
      `INSERT INTO events (position, id, stream_id, revision, type, version, data, metadata, prev_hash, hash)
       VALUES ((SELECT coalesce(max(position), -1) + 1 FROM events), ?, ?, ?, ?, ?, ?, ?, ?, ?)
       RETURNING position`,
    )
    .safeIntegers(true);
  return (event) =>
    statement.get(
      event.id,
      event.streamId,
      event.revision,
      event.type,
      event.version,
      // Sealed data is plain JSON already; the hash does not depend on key order here.
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.integrity.prevHash,
      event.integrity.hash,
    )!.position;
}
