import type { ContractRecord } from '@licensing/contracts';
import { type EventStore, matchesFilter, type RecordedEvent } from '@licensing/event-store';
import { mapRecordedEvent, RELAYED_STREAM_PREFIXES, type StreamMemory } from '@licensing/relay';

/** Every event of the store, in `$all` order. */
export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const last = events[events.length - 1];
    const batch = await store.readAll({
      fromPosition: last === undefined ? undefined : last.position + 1n,
      maxCount: 1000,
    });
    if (batch.length === 0) return events;
    events.push(...batch);
  }
}

/**
 * What the relay must publish for the store's current content: the mapper
 * run over `$all` in order, with each stream's memory carried along. The
 * specs compare Kafka with this, so a skipped or reordered event shows.
 */
export async function expectedRecords(store: EventStore): Promise<ContractRecord[]> {
  const memories = new Map<string, StreamMemory>();
  const records: ContractRecord[] = [];
  for (const event of await allEvents(store)) {
    if (!matchesFilter({ streamPrefixes: [...RELAYED_STREAM_PREFIXES] }, event)) continue;
    const mapped = mapRecordedEvent(event, memories.get(event.streamId) ?? null);
    memories.set(event.streamId, mapped.memory);
    records.push(...mapped.records);
  }
  return records;
}

export function dedupeKeyOfRecord(record: ContractRecord): string {
  return `${record.value.eventId}/${record.value.type}`;
}
