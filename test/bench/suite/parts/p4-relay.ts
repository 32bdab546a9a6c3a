import { openConfiguredEventStore } from '@licensing/eventstoredb';
import {
  kafkaFromBrokers,
  type LicenseRelayOptions,
  openRelayCheckpointStore,
  relayTopic,
  startLicenseRelay,
} from '@licensing/relay';
import { Topics } from '@licensing/contracts';
import { Metrics } from '@licensing/platform';
import { logLevel, type Message } from 'kafkajs';
import { join } from 'node:path';
import { seedEventStore } from '../../seed-event-store';
import { progress } from '../../progress';
import type { BenchPart } from '../figures';
import { startBenchBroker } from './p4-broker';
import { rawProduce, readBack } from './p4-raw-producer';

/** Generated cases in the standard run (× BENCH_SCALE): about 4.5 relayed events each. */
const CASES = 5_000;
const PREFIX = 'bench.';
/** The relay's produce requests, from its own metric (one observation per acknowledged request). */
async function produceRequests(metrics: Metrics): Promise<number> {
  const { values } = await metrics.registry.getSingleMetric('licensing_relay_produce_duration_seconds')!.get();
  const named: readonly { readonly value: number; readonly metricName?: string }[] = values;
  return named.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;
}

function bytesOf(messages: readonly { readonly message: Message }[]): number {
  return messages.reduce((sum, { message }) => sum + (message.value?.length ?? 0), 0);
}

type RelaySubjects = Pick<LicenseRelayOptions, 'store' | 'kafka' | 'checkpoints' | 'topicPrefix' | 'relayName'>;

/**
 * Relays the whole store until it is live, timed from its first acknowledged
 * batch to its last and counting the messages in between (the first batch's
 * went before the clock started): topic creation and connecting are not
 * publishing.
 */
async function timedRelay(subjects: RelaySubjects) {
  const metrics = new Metrics({ processMetrics: false });
  const relay = startLicenseRelay({ ...subjects, log: quiet, metrics });
  let first = 0;
  let last = 0;
  let messagesAtFirst = 0;
  let status = relay.status();
  try {
    while (status.state !== 'live' || !status.lagExact || status.lagEvents > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const before = status.publishedMessages;
      status = relay.status();
      if (status.publishedMessages > before) {
        last = performance.now();
        if (first === 0) {
          first = last;
          messagesAtFirst = status.publishedMessages;
        }
      }
    }
  } finally {
    await relay.stop();
  }
  const { publishedMessages, publishedEvents } = status;
  const relayRate = (publishedMessages - messagesAtFirst) / ((last - first) / 1000);
  return { relayRate, publishedMessages, publishedEvents, requests: await produceRequests(metrics) };
}

const quiet = { log: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) };

/**
 * P4: the relay publishing a store of generated cases to the local broker,
 * in messages/s from its first acknowledged batch to its last, beside a raw
 * kafkajs producer sending the very same messages (read back from the
 * topics) with the relay's settings — idempotent, one request in flight,
 * acks all — and the relay's batch size, in the same run.
 */
export const p4Relay: BenchPart = {
  id: 'P4',
  title: 'the relay against a raw kafkajs producer',
  async run({ scale, workDir, say }) {
    const seeded = await seedEventStore(workDir, Math.round(CASES * scale), progress);
    say(`seeded ${seeded.events.toLocaleString('en')} events; starting a broker`);
    const broker = startBenchBroker(join(workDir, 'kafka'));
    const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: workDir });
    const checkpoints = openRelayCheckpointStore(join(workDir, 'relay.sqlite'));
    const kafka = kafkaFromBrokers([broker.bootstrap], 'bench-relay', logLevel.NOTHING);
    try {
      // Once untimed, to other topics: the broker's JVM and this process's JIT start cold, and the raw
      // producer after the timed run would otherwise meet a warmer broker than the relay did.
      say('relaying once to warm the broker up (not timed)…');
      await timedRelay({ store, kafka, checkpoints, topicPrefix: 'warm-up.', relayName: 'bench-warm-up' });
      const { relayRate, publishedMessages, publishedEvents, requests } = await timedRelay({
        store,
        kafka,
        checkpoints,
        topicPrefix: PREFIX,
        relayName: 'bench',
      });
      say(`relay published ${publishedMessages.toLocaleString('en')} messages; reading them back`);
      const topics = Object.values(Topics).map((topic) => relayTopic(PREFIX, topic));
      const messages = await readBack(kafka, topics, publishedMessages);
      // As many messages per request as the relay sent on average (its batches close on events or messages).
      const perRequest = Math.max(1, Math.round(publishedMessages / Math.max(1, requests)));
      const rawRate = await rawProduce(kafka, messages, perRequest);
      return [
        {
          id: 'P4.relay',
          what: 'relay: store → Kafka, acks all, idempotent',
          value: relayRate,
          unit: 'messages/s',
          better: 'higher',
          reference: { what: 'raw kafkajs producer, same messages and settings', value: rawRate },
          goal: { ratio: 0.8 },
          details: {
            messages: publishedMessages,
            events: publishedEvents,
            requests,
            'messages per request': perRequest,
            'bytes per message': Math.round(bytesOf(messages) / Math.max(1, messages.length)),
          },
        },
      ];
    } finally {
      await checkpoints.close();
      await store.close();
      broker.stop();
    }
  },
};
