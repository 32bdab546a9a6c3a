import type { EventStore } from '@licensing/event-store';
import type { Kafka } from 'kafkajs';
import type { ParkedRelayEvent, RelayParkedEventStore } from './parked-relay-events';
import { producerFor } from './relay-attempt';
import { toTopicMessages } from './relay-topics';
import { withStoredTrace } from './relay-tracing';
import { StreamMemoryCache } from './stream-memory-cache';
import { mapForRelay, UnmappableEvent } from './unmappable-event';

export type RelayRetryResult = { readonly outcome: 'applied' } | { readonly outcome: 'failed'; readonly error: string };

export interface ParkedRelayRetryDeps {
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly parked: RelayParkedEventStore;
  readonly relayName: string;
  readonly topicPrefix: string;
}

export async function requireParked(deps: ParkedRelayRetryDeps, position: bigint): Promise<ParkedRelayEvent> {
  const parked = await deps.parked.findParked(deps.relayName, position);
  if (parked?.state !== 'parked')
    throw new Error(`The relay has no parked event at position ${position} (${parked?.state ?? 'none'})`);
  return parked;
}

/**
 * Maps a dead-lettered event again (after a fix: an upcaster, a mapping)
 * and publishes its messages, acknowledged by every replica, with a
 * producer of its own. Its messages arrive after those the relay published
 * meanwhile: consumers see a late event, as after any outage of the relay.
 * Mapped: resolved. Still unmappable: it stays parked with the new error.
 * A broker failure throws and changes nothing.
 */
export async function retryParkedRelayEvent(deps: ParkedRelayRetryDeps, position: bigint): Promise<RelayRetryResult> {
  const parked = await requireParked(deps, position);
  const [event] = await deps.store.readAll({ fromPosition: position, maxCount: 1 });
  if (event === undefined || event.position !== position || event.id !== parked.eventId)
    throw new Error(`The event store has no event ${parked.eventId} at position ${position}`);
  const now = new Date().toISOString();
  let records;
  try {
    records = (await mapForRelay(event, new StreamMemoryCache(deps.store, 1))).records;
  } catch (error) {
    if (!(error instanceof UnmappableEvent)) throw error;
    await deps.parked.recordFailedRetry(deps.relayName, position, error.message, now);
    return { outcome: 'failed', error: error.message };
  }
  if (records.length > 0) {
    const producer = producerFor(deps.kafka);
    await producer.connect();
    try {
      // With the trace context the event was stored with, as the live relay sends it.
      const traced = withStoredTrace(records, event);
      await producer.sendBatch({ topicMessages: toTopicMessages(deps.topicPrefix, traced), acks: -1 });
    } finally {
      await producer.disconnect();
    }
  }
  await deps.parked.decide(deps.relayName, position, 'resolved', now);
  return { outcome: 'applied' };
}
