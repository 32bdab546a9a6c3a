import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { type AggregateName, aggregateOfStream, type AggregateState } from './aggregate-kinds';

/** Which point of a stream's history: after the event at a revision, or as recorded by an instant. */
export type PointInStream = { readonly revision: number } | { readonly at: string };

export interface AggregateStateAt {
  readonly streamId: string;
  readonly aggregate: AggregateName;
  /** The revision of the last event applied. */
  readonly revision: number;
  /** When the last event applied was recorded (its `metadata.recordedAt`). */
  readonly recordedAt: string;
  /** The aggregate's state: its decider's `evolve` folded over the events up to `revision`. */
  readonly state: AggregateState;
}

/**
 * Time travel: an aggregate's state at a point of its stream, folded with
 * the decider the domain gives its stream prefix (upcast reads, as the
 * command runner folds them).
 *
 * - `{ revision }`: after the event at that revision; null if the stream
 *   has not reached it (or does not exist).
 * - `{ at }`: as it was recorded by that instant: the events with
 *   `metadata.recordedAt` ≤ `at`, in stream order, stopping at the first one
 *   recorded later (a later revision cannot have been known before an
 *   earlier one); null if none was recorded by then.
 *
 * Throws NotAnAggregateStream when no aggregate's prefix names the stream.
 */
export async function stateAt(
  store: EventStore,
  streamId: string,
  point: PointInStream,
): Promise<AggregateStateAt | null> {
  const aggregate = aggregateOfStream(streamId);
  const events =
    'revision' in point
      ? await upToRevision(store, streamId, point.revision)
      : await recordedBy(store, streamId, point.at);
  const last = events.at(-1);
  if (last === undefined) return null;
  return {
    streamId,
    aggregate: aggregate.name,
    revision: Number(last.revision),
    recordedAt: last.metadata.recordedAt,
    state: aggregate.fold(events),
  };
}

async function upToRevision(store: EventStore, streamId: string, revision: number): Promise<RecordedEvent[]> {
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`revision must be a whole number ≥ 0, got ${revision}`);
  const events = await store.readStream(streamId, { maxCount: revision + 1 });
  return events.length === revision + 1 ? events : [];
}

async function recordedBy(store: EventStore, streamId: string, at: string): Promise<RecordedEvent[]> {
  const cutOff = Date.parse(at);
  if (Number.isNaN(cutOff)) throw new RangeError(`at must be an ISO 8601 instant, got ${JSON.stringify(at)}`);
  const events = await store.readStream(streamId);
  // Compared as instants, not strings: `…:00Z` and `…:00.000Z` are the same moment.
  const later = events.findIndex((event) => !(Date.parse(event.metadata.recordedAt) <= cutOff));
  return later === -1 ? events : events.slice(0, later);
}
