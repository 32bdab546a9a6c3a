import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { type StreamMemory, streamMemoryOf } from '../mapping';

/**
 * The memory of the most recently used streams (least recently used
 * evicted). A miss rebuilds from the stream's events before the current
 * one, so eviction costs a read, never correctness. A cache belongs to one
 * subscription run: after a failure the relay starts a fresh one, because
 * entries may already hold events that were never acknowledged.
 */
export class StreamMemoryCache {
  private readonly entries = new Map<string, { readonly revision: bigint; readonly memory: StreamMemory }>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`memoryCacheSize must be a positive integer, got ${capacity}`);
  }

  /** The stream's memory just before `event`. */
  async before(event: RecordedEvent): Promise<StreamMemory> {
    if (event.revision === 0n) return null;
    const cached = this.entries.get(event.streamId);
    // Only the memory right after the previous revision fits; anything else is rebuilt.
    if (cached !== undefined && cached.revision === event.revision - 1n) return cached.memory;
    // Revisions start at 0, so the events before this one are exactly `revision` many.
    const history = await this.store.readStream(event.streamId, { fromRevision: 0n, maxCount: Number(event.revision) });
    if (history.length !== Number(event.revision)) {
      throw new Error(`Stream ${event.streamId} has ${history.length} events before revision ${event.revision}; expected ${event.revision}`);
    }
    return streamMemoryOf(history);
  }

  /** The stream's memory after `event`, the event just mapped. */
  remember(event: RecordedEvent, memory: StreamMemory): void {
    this.entries.delete(event.streamId);
    this.entries.set(event.streamId, { revision: event.revision, memory });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
