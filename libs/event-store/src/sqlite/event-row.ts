import { RecordedEvent, StoredEventText } from '../envelope';

/** One row of `events`, read with safeIntegers so 64-bit values stay exact. */
export interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly version: bigint;
  readonly data: string;
  readonly metadata: string;
  readonly prev_hash: string;
  readonly hash: string;
}

export const EVENT_COLUMNS = 'position, id, stream_id, revision, type, version, data, metadata, prev_hash, hash';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    version: Number(row.version),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    integrity: { prevHash: row.prev_hash, hash: row.hash },
  };
}

export function toStoredEventText(row: EventRow): StoredEventText {
  return {
    id: row.id,
    type: row.type,
    version: Number(row.version),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    dataJson: row.data,
    metadataJson: row.metadata,
    integrity: { prevHash: row.prev_hash, hash: row.hash },
  };
}
