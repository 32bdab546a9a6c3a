import type { Database } from 'better-sqlite3';
import { SealedEventText } from '../envelope';

/**
 * Stores one sealed event at `position` in `$all`. The caller reads the head
 * position once per batch transaction (no other connection can append
 * inside it) and counts on from there, rather than every INSERT looking
 * for the maximum and returning it.
 */
export function prepareInsertEvent(db: Database): (event: SealedEventText, position: bigint) => void {
  const statement = db.prepare(
    `INSERT INTO events (position, id, stream_id, revision, type, version, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (event, position) => {
    statement.run(
      position,
      event.id,
      event.streamId,
      event.revision,
      event.type,
      event.version,
      // The canonical text the hash covers, stored as it is.
      event.dataJson,
      event.metadataJson,
      event.integrity.prevHash,
      event.integrity.hash,
    );
  };
}
