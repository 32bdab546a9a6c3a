import type { RecordedEvent, StoredEventText } from './envelope';
import type { EventStore, ReadAllOptions } from './event-store';

/** One event of `$all` as stored: its JSON text where the store keeps text, else parsed (never upcast). */
export type StoredEvent = RecordedEvent | StoredEventText;

/**
 * A page of `$all` as stored, for readers that hash, copy or skip events
 * rather than read their data: the store's JSON text where it offers it
 * (`readAllText`, nothing parsed), else the raw parsed events.
 */
export function readAllAsStored(store: EventStore, options: Omit<ReadAllOptions, 'raw'>): Promise<StoredEvent[]> {
  return store.readAllText ? store.readAllText(options) : store.readAll({ ...options, raw: true });
}
