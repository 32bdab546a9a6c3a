import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { LRUCache } from 'lru-cache';
import { categoryOf, type StreamMemory, streamMemoryOf } from '../mapping';
import { UnmappableEvent } from './unmappable-event';

/**
 * The memory of the most recently used streams (lru-cache evicts the least
 * recently used). A miss rebuilds from the stream's events before the
 * current one, so eviction costs a read, never correctness. A cache belongs to one
 * subscription run: after a failure the relay starts a fresh one, because
 * entries may already hold events that were never acknowledged.
 */
export class StreamMemoryCache {
  private readonly entries: LRUCache<string, { readonly revision: bigint; readonly memory: StreamMemory }>;

  constructor(
    private readonly store: EventStore,
    capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`memoryCacheSize must be a positive integer, got ${capacity}`);
    this.entries = new LRUCache({ max: capacity });
  }

  /**
   * The stream's memory just before `event`. Throws UnmappableEvent when an
   * earlier event of the stream cannot be mapped, and the store's errors as they are.
   */
  async before(event: RecordedEvent): Promise<StreamMemory> {
    // Only license and control-measure streams remember anything: an application's events map on their own.
    const category = categoryOf(event.streamId);
    if (event.revision === 0n || (category !== 'license' && category !== 'control-measure')) return null;
    const cached = this.entries.get(event.streamId);
    // Only the memory right after the previous revision fits; anything else is rebuilt.
    if (cached !== undefined && cached.revision === event.revision - 1n) return cached.memory;
    // Revisions start at 0, so the events before this one are exactly `revision` many.
    const history = await this.store.readStream(event.streamId, { fromRevision: 0n, maxCount: Number(event.revision) });
    if (history.length !== Number(event.revision)) {
      throw new Error(
        `Stream ${event.streamId} has ${history.length} events before revision ${event.revision}; expected ${event.revision}`,
      );
    }
    try {
      return streamMemoryOf(history);
    } catch (error) {
      throw new UnmappableEvent(event, error, true);
    }
  }

  /** The stream's memory after `event`, the event just mapped. */
  remember(event: RecordedEvent, memory: StreamMemory): void {
    this.entries.set(event.streamId, { revision: event.revision, memory });
  }

  get size(): number {
    return this.entries.size;
  }
}
