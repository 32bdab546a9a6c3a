import {
  type ContractHandlers,
  contractMessageTypes,
  createContractConsumer,
  InMemoryDedupeStore,
  type ContractConsumer,
} from '@licensing/contracts';
import { openSqliteEventStore, type SqliteEventStore } from '@licensing/event-store';
import { logLevel } from 'kafkajs';
import { join } from 'node:path';
import {
  deleteTopicsWithPrefix,
  kafkaBrokersFromEnv,
  prefixedTopics,
  uniqueTopicPrefix,
  waitUntil,
} from './support/kafka-test-env';
import { dedupeKeyOfRecord, expectedRecords } from './support/expected-records';
import { licenseStory, registerExporter, SPEC_NOW, withdrawnApplication } from './support/license-stories';
import { RelayChild } from './support/relay-child';
import { ServiceUnderTest } from './support/service-under-test';
import { TopicReader } from './support/topic-reader';
import { kafkaFromBrokers, openRelayCheckpointStore } from '@licensing/relay';

jest.setTimeout(60_000);

const brokers = kafkaBrokersFromEnv('test/jest.config.js');
const kafka = kafkaFromBrokers(brokers, 'license-relay-crash-spec', logLevel.NOTHING);
/** The kit's in-memory store, counting the redeliveries it recognised. */
class CountingDedupeStore extends InMemoryDedupeStore {
  duplicates = 0;
  override async has(key: string): Promise<boolean> {
    const seen = await super.has(key);
    if (seen) this.duplicates += 1;
    return seen;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the relay process, SIGKILLed three times while commands are appended', () => {
  const prefix = uniqueTopicPrefix('crash');
  const topics = prefixedTopics(prefix);
  const service = new ServiceUnderTest();
  const child = new RelayChild();
  const handled = new Map<string, number>();
  const dedupe = new CountingDedupeStore();
  const kills: { publishedEvents: number }[] = [];
  let store: SqliteEventStore;
  let consumer: ContractConsumer | null = null;
  let raw: TopicReader | null = null;

  const startChild = () =>
    child.start({
      KAFKA_BROKERS: brokers.join(','),
      DATA_DIR: service.dataDir,
      EVENT_STORE: 'sqlite',
      RELAY_NAME: 'license-relay',
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'log',
      // One event per request and checkpoint: many ack-then-checkpoint windows for a kill to land in.
      RELAY_BATCH_EVENTS: '1',
    });

  beforeAll(async () => {
    await service.start(SPEC_NOW);
    await registerExporter(service);
    store = openSqliteEventStore({ filename: service.eventsFile });
  });

  afterAll(async () => {
    await child.stop('SIGKILL');
    await consumer?.stop();
    await raw?.stop();
    await store?.close();
    await service.dispose();
    await deleteTopicsWithPrefix(kafka, prefix);
  });

  it('delivers every event, and the consumer kit hands each to its handler exactly once', async () => {
    startChild();
    await waitUntil(
      async () => (await child.status())?.state === 'live',
      () => `the first relay process to go live:\n${child.output}`,
    );

    const handlers = Object.fromEntries(
      contractMessageTypes.map((type) => [
        type,
        async (_message: unknown, context: { dedupeKey: string }) =>
          void handled.set(context.dedupeKey, (handled.get(context.dedupeKey) ?? 0) + 1),
      ]),
    ) as ContractHandlers;
    consumer = createContractConsumer({
      kafka,
      groupId: `${prefix}kit`,
      topics: Object.values(topics),
      handlers,
      dedupe,
    });
    await consumer.start();
    raw = new TopicReader(kafka, Object.values(topics));
    await raw.start();

    let killing = true;
    const commands = (async () => {
      for (let i = 0; killing || i < 6; i += 1) {
        await licenseStory(service, `app-crash-${i}`, i);
        if (i % 3 === 2) await withdrawnApplication(service, `app-crash-w${i}`);
        // A steady stream rather than a flood: the kills land among appends, and the log stays a few hundred events.
        await sleep(100);
      }
    })();
    for (let k = 0; k < 3; k += 1) {
      // A random moment once this process has published something of its own, so the kill lands mid-stream.
      await waitUntil(
        async () => ((await child.status())?.publishedEvents ?? 0) > 0,
        () => `relay process ${k + 1} to publish:\n${child.output}`,
      );
      await sleep(Math.floor(Math.random() * 400));
      const status = await child.status();
      const exit = await child.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      kills.push({ publishedEvents: status?.publishedEvents ?? 0 });
      startChild();
    }
    killing = false;
    await commands;

    const expected = await expectedRecords(store);
    const expectedKeys = new Set(expected.map(dedupeKeyOfRecord));
    await waitUntil(
      () => [...expectedKeys].every((key) => handled.has(key)),
      () =>
        `${[...expectedKeys].filter((key) => !handled.has(key)).length} of ${expectedKeys.size} messages to be handled:\n${child.output}`,
    );

    // The raw reader is its own consumer group: it may still be a fetch behind the kit's group.
    const rawReader = raw;
    await waitUntil(
      () => [...expectedKeys].every((key) => rawReader.keys().has(key)),
      () => `the raw reader to read all ${expectedKeys.size} messages (read ${rawReader.messages.length})`,
    );

    expect(kills).toHaveLength(3);
    expect(new Set(handled.keys())).toEqual(expectedKeys);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    expect(raw.messages.length).toBeGreaterThanOrEqual(expected.length);

    // A clean stop after the crashes: SIGTERM publishes what is in hand, saves the checkpoint and exits 0.
    const relayed = (await store.readAll({ maxCount: 100_000 })).filter((e) =>
      /^(license|application|control-measure)-/.test(e.streamId),
    );
    await waitUntil(
      async () => (await child.status())?.publishedPosition === String(relayed[relayed.length - 1]!.position),
      () => 'the last relay process to catch up',
    );
    expect(await child.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const checkpoints = openRelayCheckpointStore(join(service.dataDir, 'relay.sqlite'));
    try {
      expect(await checkpoints.load('license-relay')).toBe(relayed[relayed.length - 1]!.position);
    } finally {
      await checkpoints.close();
    }
  });

  it('re-sends everything after the saved checkpoint when the last saves were lost, and the consumer kit still handles each event once', async () => {
    // The crash between acknowledgement and checkpoint, made certain: the checkpoint goes back to the middle of the log.
    const expected = await expectedRecords(store);
    const relayed = (await store.readAll({ maxCount: 100_000 })).filter((e) =>
      /^(license|application|control-measure)-/.test(e.streamId),
    );
    const halfway = relayed[Math.floor(relayed.length / 2)]!.position;
    const resent = expected.filter((record) => BigInt(record.value.sourcePosition) > halfway).length;
    const checkpoints = openRelayCheckpointStore(join(service.dataDir, 'relay.sqlite'));
    await checkpoints.save('license-relay', halfway);
    await checkpoints.close();
    const before = raw!.messages.length;
    const duplicatesBefore = dedupe.duplicates;
    // Only when the first case failed before its clean stop; otherwise the relay is already stopped.
    if (child.running) await child.stop('SIGTERM');

    startChild();
    await waitUntil(
      () => raw!.messages.length >= before + resent,
      () => `${resent} re-sent messages (got ${raw!.messages.length - before}):\n${child.output}`,
    );
    await waitUntil(
      async () => (await child.status())?.publishedPosition === String(relayed[relayed.length - 1]!.position),
      () => 'the relay to catch up again',
    );

    await waitUntil(
      () => dedupe.duplicates - duplicatesBefore >= resent,
      () => `the consumer kit to skip ${resent} redeliveries (skipped ${dedupe.duplicates - duplicatesBefore})`,
    );

    expect(resent).toBeGreaterThan(0);
    expect(dedupe.duplicates - duplicatesBefore).toBe(resent);
    expect(raw!.messages.length - before).toBe(resent);
    expect(new Set(handled.keys())).toEqual(new Set(expected.map(dedupeKeyOfRecord)));
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
  });
});
