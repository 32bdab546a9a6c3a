import type { EventStore } from '@licensing/event-store';
import { type EventEnvelopeJson, toEnvelopeJson } from './envelope-json';
import { checkedBound, checkedLimit } from './page-limits';

export type ReadDirection = 'forwards' | 'backwards';

export interface StreamPageRequest {
  /** Default 'forwards'. */
  readonly direction?: ReadDirection;
  /** Inclusive. Default: the first event (forwards) or the last (backwards). */
  readonly fromRevision?: number;
  /** 1 to 1000, default 100. */
  readonly limit?: number;
}

export interface StreamPage {
  readonly streamId: string;
  readonly direction: ReadDirection;
  /** In the direction read; raw, as stored. Empty: nothing there (or no such stream). */
  readonly events: readonly EventEnvelopeJson[];
  /** The fromRevision of the next page in the same direction; null: this page reached the stream's end (or start). */
  readonly nextRevision: number | null;
}

/**
 * One page of one stream's events, forwards or backwards from a revision,
 * as stored (no upcasting). It reads one event past the page to know
 * whether another page follows, so `nextRevision` is null exactly when
 * nothing is left in that direction.
 */
export async function readStreamPage(
  store: EventStore,
  streamId: string,
  request: StreamPageRequest = {},
): Promise<StreamPage> {
  const direction = request.direction ?? 'forwards';
  const limit = checkedLimit(request.limit);
  const fromRevision =
    request.fromRevision === undefined
      ? undefined
      : checkedBound('fromRevision', BigInt(checkedInteger(request.fromRevision)));
  const read = await store.readStream(streamId, {
    direction,
    ...(fromRevision === undefined ? {} : { fromRevision }),
    maxCount: limit + 1,
    raw: true,
  });
  const page = read.slice(0, limit);
  const next = read[limit];
  return {
    streamId,
    direction,
    events: page.map(toEnvelopeJson),
    nextRevision: next === undefined ? null : Number(next.revision),
  };
}

function checkedInteger(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`fromRevision must be a whole number, got ${value}`);
  return value;
}
