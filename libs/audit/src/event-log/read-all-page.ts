import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { type EventEnvelopeJson, toEnvelopeJson } from './envelope-json';
import { checkedBound, checkedLimit, EVENT_SCAN_FLOOR, EVENT_SCAN_PER_EVENT } from './page-limits';

export interface AllPageRequest {
  /** Inclusive; default the beginning of `$all`. */
  readonly fromPosition?: bigint;
  /** 1 to 1000, default 100. */
  readonly limit?: number;
  /** Only streams whose id starts with this, e.g. `license-`. */
  readonly streamPrefix?: string;
  /** Only events of this type, e.g. `LicenseSuspended`. */
  readonly eventType?: string;
  /** Only events recorded at or after this instant (ISO 8601; `metadata.recordedAt`). */
  readonly recordedFrom?: string;
  /** Only events recorded before this instant (exclusive). */
  readonly recordedTo?: string;
}

export interface AllPage {
  /** In `$all` order; raw, as stored. */
  readonly events: readonly EventEnvelopeJson[];
  /**
   * Where the next page starts (a decimal `$all` position, inclusive): just
   * after the last event this page examined. Null: the scan reached the end
   * of `$all` as it stood, nothing is left to read.
   */
  readonly nextPosition: string | null;
}

/**
 * One page of `$all` from a position, filtered by stream prefix, event type
 * and recorded time, as stored (no upcasting). The port reads `$all` without
 * filters, so this reads batches and filters them, and bounds its work: it
 * examines at most max(10 × limit, 1000) events, then answers what it found
 * with the cursor. A page may therefore hold fewer than `limit` events, even
 * none, while `nextPosition` is not null: keep reading until it is.
 */
export async function readAllPage(store: EventStore, request: AllPageRequest = {}): Promise<AllPage> {
  const limit = checkedLimit(request.limit);
  const matches = filterOf(request);
  const filtered = matches !== undefined;
  const budget = Math.max(EVENT_SCAN_PER_EVENT * limit, EVENT_SCAN_FLOOR);
  // Unfiltered, one event past the page tells whether another follows;
  // filtered, larger batches keep a sparse filter from costing many reads.
  const batchSize = filtered ? Math.max(limit + 1, 250) : limit + 1;
  const found: RecordedEvent[] = [];
  let cursor = checkedBound('fromPosition', request.fromPosition ?? 0n);
  let scanned = 0;
  const answer = (nextPosition: bigint | null): AllPage => ({
    events: found.map(toEnvelopeJson),
    nextPosition: nextPosition === null ? null : nextPosition.toString(),
  });

  for (;;) {
    const wanted = Math.min(batchSize, budget - scanned);
    if (wanted === 0) return answer(cursor);
    const batch = await store.readAll({ fromPosition: cursor, maxCount: wanted, raw: true });
    const ended = batch.length < wanted;
    for (const [index, event] of batch.entries()) {
      scanned += 1;
      cursor = event.position + 1n;
      if (matches !== undefined && !matches(event)) continue;
      found.push(event);
      if (found.length === limit) return answer(ended && index === batch.length - 1 ? null : cursor);
    }
    if (ended) return answer(null);
  }
}

/** The filter as one predicate; undefined when the request filters nothing. */
function filterOf(request: AllPageRequest): ((event: RecordedEvent) => boolean) | undefined {
  const { streamPrefix, eventType } = request;
  const from = request.recordedFrom === undefined ? undefined : instant('recordedFrom', request.recordedFrom);
  const to = request.recordedTo === undefined ? undefined : instant('recordedTo', request.recordedTo);
  if (streamPrefix === undefined && eventType === undefined && from === undefined && to === undefined) return undefined;
  return (event) => {
    if (streamPrefix !== undefined && !event.streamId.startsWith(streamPrefix)) return false;
    if (eventType !== undefined && event.type !== eventType) return false;
    if (from === undefined && to === undefined) return true;
    // Compared as instants, not strings: `…:00Z` and `…:00.000Z` are the same moment.
    const recordedAt = Date.parse(event.metadata.recordedAt);
    return (from === undefined || recordedAt >= from) && (to === undefined || recordedAt < to);
  };
}

function instant(name: string, value: string): number {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new RangeError(`${name} must be an ISO 8601 instant, got ${JSON.stringify(value)}`);
  return parsed;
}
