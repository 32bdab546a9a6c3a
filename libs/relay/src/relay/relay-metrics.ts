import type { Metrics } from '@licensing/platform';
import type { RelayStatus } from './relay-types';

export interface RelayRecorder {
  produced(seconds: number): void;
  published(events: number, messages: number): void;
  restarted(): void;
}

/**
 * The relay's metrics, labelled by relay name (its checkpoint row: one per
 * relay process, low cardinality). Lag and positions are read from
 * `status()` at every scrape.
 */
export function relayMetrics(
  metrics: Metrics,
  relayName: string,
  status: () => RelayStatus,
  parkedEvents: () => Promise<number> = async () => 0,
): RelayRecorder {
  const relay = relayName;
  const fromStatus = (name: string, help: string, read: (status: RelayStatus) => number) =>
    metrics.gauge<'relay'>({
      name,
      help,
      labelNames: ['relay'],
      collect: (gauge) => gauge.set({ relay }, read(status())),
    });
  fromStatus(
    'licensing_relay_lag_events',
    'Relayed events in the store the relay has not published yet (a lower bound while the lag probe has not reached the head).',
    (s) => s.lagEvents,
  );
  fromStatus(
    'licensing_relay_published_position',
    'Position in $all of the last event whose messages the broker acknowledged (-1: none yet).',
    (s) => Number(s.publishedPosition ?? -1n),
  );
  fromStatus(
    'licensing_relay_store_position',
    'Position in $all of the last event in the store, as far as the lag probe has read (-1: empty store).',
    (s) => Number(s.storePosition ?? -1n),
  );
  fromStatus('licensing_relay_live', 'Whether the relay has caught up and follows $all live (1) or not (0).', (s) =>
    s.state === 'live' ? 1 : 0,
  );
  metrics.gauge<'relay'>({
    name: 'licensing_relay_parked_events',
    help: 'Events the relay could not map and dead-lettered, waiting for ops to retry or skip them.',
    labelNames: ['relay'],
    collect: async (gauge) => gauge.set({ relay }, await parkedEvents()),
  });
  const produce = metrics.histogram<'relay'>({
    name: 'licensing_relay_produce_duration_seconds',
    help: 'Time of one produce request to Kafka until every broker acknowledged it (acks = all).',
    labelNames: ['relay'],
  });
  const events = metrics.counter<'relay'>({
    name: 'licensing_relay_published_events_total',
    help: 'Source events whose messages the broker acknowledged and whose checkpoint was saved.',
    labelNames: ['relay'],
  });
  const messages = metrics.counter<'relay'>({
    name: 'licensing_relay_published_messages_total',
    help: 'Integration messages the broker acknowledged.',
    labelNames: ['relay'],
  });
  const restarts = metrics.counter<'relay'>({
    name: 'licensing_relay_restarts_total',
    help: 'Relay runs that failed and were restarted from the saved checkpoint after a backoff.',
    labelNames: ['relay'],
  });
  for (const counter of [events, messages, restarts]) counter.inc({ relay }, 0);
  return {
    produced: (seconds) => produce.observe({ relay }, seconds),
    published: (eventCount, messageCount) => {
      events.inc({ relay }, eventCount);
      messages.inc({ relay }, messageCount);
    },
    restarted: () => restarts.inc({ relay }),
  };
}
