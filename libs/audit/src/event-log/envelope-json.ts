import type { Integrity, RecordedEvent } from '@licensing/event-store';

/**
 * One stored event as the event log API answers it: the whole envelope
 * (docs/architecture.md, "The event envelope"), JSON-safe. The convention is
 * the verifiable log's (`EventInclusion`): the `$all` position, a 64-bit
 * number that may pass 2^53 on EventStoreDB, is a decimal string; the
 * revision, a place in one stream, is a number.
 *
 * `data` and `metadata` are exactly as stored, never upcast: an auditor sees
 * the bytes the integrity chain sealed, and can recompute `integrity.hash`
 * from `prevHash` and the canonical JSON of the other fields
 * (`hashEvent` in @licensing/event-store).
 */
export interface EventEnvelopeJson {
  readonly id: string;
  readonly type: string;
  /** The schema version of `data` as stored (an old version stays old here). */
  readonly version: number;
  readonly streamId: string;
  readonly revision: number;
  /** The `$all` position, as a decimal string. */
  readonly position: string;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly integrity: Integrity;
}

/** The envelope of a raw read, JSON-safe (see EventEnvelopeJson). */
export function toEnvelopeJson(event: RecordedEvent): EventEnvelopeJson {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position.toString(),
    data: event.data,
    metadata: event.metadata,
    integrity: { prevHash: event.integrity.prevHash, hash: event.integrity.hash },
  };
}
