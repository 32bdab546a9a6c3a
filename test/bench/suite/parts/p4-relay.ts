import { openConfiguredEventStore } from '@licensing/eventstoredb';
import { kafkaFromBrokers, openRelayCheckpointStore, relayTopic, startLicenseRelay } from '@licensing/relay';
import { Topics } from '@licensing/contracts';
import { logLevel } from 'kafkajs';
import { join } from 'node:path';
import { seedEventStore } from '../../seed-event-store';
import { progress } from '../../progress';
import type { BenchPart } from '../figures';
import { startBenchBroker } from './p4-broker';
import { rawProduce, readBack } from './p4-raw-producer';

/** Generated cases in the standard run (× BENCH_SCALE): about 4.5 relayed events each. */
const CASES = 5_000;
const PREFIX = 'bench.';
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
      const relay = startLicenseRelay({ store, kafka, checkpoints, topicPrefix: PREFIX, log: quiet });
      let first = 0;
      let last = 0;
      let status = relay.status();
      try {
        // Timed from its first acknowledged batch to its last: topic creation and connecting are not publishing.
        while (status.state !== 'live' || !status.lagExact || status.lagEvents > 0) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          const before = status.publishedMessages;
          status = relay.status();
          if (status.publishedMessages > before) {
            last = performance.now();
            if (first === 0) first = last;
          }
        }
      } finally {
        await relay.stop();
      }
      const { publishedMessages, publishedEvents } = status;
      const relayRate = publishedMessages / ((last - first) / 1000);
      say(`relay published ${publishedMessages.toLocaleString('en')} messages; reading them back`);
      const topics = Object.values(Topics).map((topic) => relayTopic(PREFIX, topic));
      const messages = await readBack(kafka, topics, publishedMessages);
      // The relay sends up to 200 source events per request: the same number of messages per request.
      const perRequest = Math.max(1, Math.round((200 * publishedMessages) / publishedEvents));
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
          details: { messages: publishedMessages, events: publishedEvents, 'messages per request': perRequest },
        },
      ];
    } finally {
      await checkpoints.close();
      await store.close();
      broker.stop();
    }
  },
};
