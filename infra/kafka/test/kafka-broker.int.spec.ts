// The broker the suites get through KAFKA_BROKERS does what the Kafka relay
// relies on: explicit topic creation (partitioned and compacted), idempotent
// acks=all produce, consumer groups with committed offsets, order per key and
// headers that survive the round trip. kafkajs logs nothing here: the
// refusals below are expected, and a failure surfaces as the thrown error.
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, KafkaMessage, logLevel, Producer } from 'kafkajs';
import { kafkaBrokersFromEnv, uniqueTopic, waitUntil } from './kafka-env';

jest.setTimeout(60_000);

describe('the Kafka broker used by the tests', () => {
  let kafka: Kafka;
  let admin: Admin;
  const clients: Array<Producer | Consumer> = [];
  const created: string[] = [];

  beforeAll(async () => {
    kafka = new Kafka({
      clientId: 'kafka-broker-smoke',
      brokers: kafkaBrokersFromEnv('infra/kafka/jest.config.js'),
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.disconnect()));
    if (created.length > 0) await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin?.disconnect();
  });

  async function createTopic(
    topic: string,
    numPartitions: number,
    configEntries: Array<{ name: string; value: string }> = [],
  ) {
    const ok = await admin.createTopics({ topics: [{ topic, numPartitions, configEntries }], waitForLeaders: true });
    created.push(topic);
    return ok;
  }

  it('creates a 3-partition topic and a compacted topic only when asked to', async () => {
    const events = uniqueTopic('smoke.license-events');
    const state = uniqueTopic('smoke.license-state');

    expect(await createTopic(events, 3)).toBe(true);
    expect(await createTopic(state, 1, [{ name: 'cleanup.policy', value: 'compact' }])).toBe(true);

    const metadata = await admin.fetchTopicMetadata({ topics: [events, state] });
    const partitions = Object.fromEntries(metadata.topics.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual({ [events]: 3, [state]: 1 });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2 /* ConfigResourceTypes.TOPIC */, name: state, configNames: ['cleanup.policy'] }],
    });
    expect(configs.resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue).toBe(
      'compact',
    );
    // auto.create.topics.enable=false: a topic nobody created does not appear on first use
    const producer = kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 0 } });
    clients.push(producer);
    await producer.connect();
    await expect(
      producer.send({ topic: uniqueTopic('smoke.never-created'), messages: [{ value: 'x' }] }),
    ).rejects.toThrow(/does not host this topic-partition/);
  });

  it('delivers keyed messages from an idempotent acks=all producer to a consumer group, in order per key, headers intact', async () => {
    const topic = uniqueTopic('smoke.keyed');
    await createTopic(topic, 3);
    const keys = ['license-A', 'license-B', 'license-C', 'application-7'];
    const perKey = 5;
    const sent = keys.flatMap((key) =>
      Array.from({ length: perKey }, (_, seq) => ({
        key,
        value: JSON.stringify({ key, seq }),
        headers: { 'event-id': randomUUID() },
      })),
    );

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    clients.push(producer);
    await producer.connect();
    // one send per message, so the order per key is the order of the sends
    for (const message of sent) await producer.send({ topic, acks: -1, messages: [message] });

    const groupId = `smoke-group-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId });
    clients.push(consumer);
    const received: Array<{ partition: number; message: KafkaMessage }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition, message }) => void received.push({ partition, message }) });
    await waitUntil(() => received.length >= sent.length, `${sent.length} messages on ${topic}`);
    await consumer.disconnect();

    expect(received).toHaveLength(sent.length);
    for (const key of keys) {
      const forKey = received.filter((r) => r.message.key?.toString() === key);
      expect(forKey.map((r) => JSON.parse(r.message.value?.toString() ?? 'null').seq)).toEqual([0, 1, 2, 3, 4]);
      expect(new Set(forKey.map((r) => r.partition)).size).toBe(1);
      const expectedIds = sent.filter((m) => m.key === key).map((m) => m.headers['event-id']);
      expect(forKey.map((r) => r.message.headers?.['event-id']?.toString())).toEqual(expectedIds);
    }
    // the group's offsets were committed (the offsets topic works with one replica)
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0]?.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(committed).toBe(sent.length);
  });

  it('accepts keyed records on the compacted topic and refuses records without a key', async () => {
    const topic = uniqueTopic('smoke.compacted');
    await createTopic(topic, 1, [{ name: 'cleanup.policy', value: 'compact' }]);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    clients.push(producer);
    await producer.connect();

    const [ack] = await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'license-A', value: 'issued' },
        { key: 'license-A', value: 'suspended' },
      ],
    });
    expect(ack?.errorCode).toBe(0);

    const strict = kafka.producer({ retry: { retries: 0 } });
    clients.push(strict);
    await strict.connect();
    await expect(strict.send({ topic, acks: -1, messages: [{ key: null, value: 'no key' }] })).rejects.toThrow(
      /failed the validation on broker/,
    );
  });
});
