import { LRUCache } from 'lru-cache';

/**
 * Remembers which messages have had their effect, so a redelivered message
 * (after a relay crash or a consumer rebalance) is skipped.
 *
 * For an exactly-once *effect* a downstream team needs a durable store whose
 * `remember` runs in the same database transaction as the handler's own
 * writes: read `context.dedupeKey` in the handler and insert it with the
 * effect, and make `has` read that table. The in-memory store below forgets
 * on restart and is only right for tests and effects that are idempotent
 * anyway.
 */
export interface DedupeStore {
  /** True when the message with this key has already had its effect. */
  has(key: string): Promise<boolean>;
  /** Records the key. The consumer calls it only after the handler succeeded. */
  remember(key: string): Promise<void>;
}

/**
 * The de-duplication key: one source event yields at most one message per
 * type (e.g. `license.suspended` and the `license.state` snapshot share an
 * event id), so the key is event id plus type.
 */
export function dedupeKeyOf(message: { readonly eventId: string; readonly type: string }): string {
  return `${message.eventId}/${message.type}`;
}

/**
 * Bounded: beyond `capacity` keys, lru-cache forgets the least recently
 * remembered, so a long-running consumer does not grow without end.
 * Asking (`has`) does not count as use; only `remember` does.
 */
export class InMemoryDedupeStore implements DedupeStore {
  private readonly keys: LRUCache<string, true>;

  constructor(capacity = 100_000) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`Dedupe capacity must be a positive integer, got ${capacity}`);
    this.keys = new LRUCache({ max: capacity });
  }

  async has(key: string): Promise<boolean> {
    return this.keys.has(key);
  }

  async remember(key: string): Promise<void> {
    this.keys.set(key, true);
  }

  get size(): number {
    return this.keys.size;
  }
}
