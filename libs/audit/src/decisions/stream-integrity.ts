import { type EventStore, type RecordedEvent, verifyStreamIntegrity } from '@licensing/event-store';

/** Whether a stream's per-stream hash chain holds, read as stored. */
export interface StreamIntegrity {
  readonly streamId: string;
  readonly ok: boolean;
  /** How many events the stream holds. */
  readonly events: number;
  /** The first revision whose link does not hold; null when the whole chain holds. */
  readonly firstBrokenRevision: number | null;
  /** What was checked, or what is wrong where it broke. */
  readonly detail: string;
}

export interface VerifiedStream {
  readonly integrity: StreamIntegrity;
  /** The same events upcast to their current schema versions, for parsing; stream order. */
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads a stream twice: as stored (`raw`, the bytes the chain was sealed
 * over) to check the chain, and upcast, to parse with the domain's schemas.
 * Only the events the raw read saw are kept, so an append in between does
 * not slip an unchecked event in.
 */
export async function readVerifiedStream(store: EventStore, streamId: string): Promise<VerifiedStream> {
  const raw = await store.readStream(streamId, { raw: true });
  const report = verifyStreamIntegrity(raw);
  const checked = BigInt(raw.length);
  const events = (await store.readStream(streamId)).filter((event) => event.revision < checked);
  return {
    integrity: {
      streamId,
      ok: report.valid,
      events: raw.length,
      firstBrokenRevision: report.firstBrokenRevision === undefined ? null : Number(report.firstBrokenRevision),
      detail: report.reason,
    },
    events,
  };
}
