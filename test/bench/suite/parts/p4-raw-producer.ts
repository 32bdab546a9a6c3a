import { waitForTopicLeaders } from '@licensing/contracts/testing';
import { producerFor } from '@licensing/relay';
import type { Kafka, Message } from 'kafkajs';

interface TopicMessage {
  readonly topic: string;
  readonly message: Message;
}

/** Every message on `topics`, read back from the beginning until `count` have arrived (not timed). */
export async function readBack(kafka: Kafka, topics: readonly string[], count: number): Promise<TopicMessage[]> {
  await waitForTopicLeaders(kafka, topics);
  const consumer = kafka.consumer({ groupId: `bench-read-back-${Date.now()}` });
  const read: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read back ${read.length} of ${count} messages`)), 120_000);
      void consumer.run({
        eachMessage: async ({ topic, message }) => {
          read.push({ topic, message: { key: message.key, value: message.value, headers: message.headers } });
          if (read.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return read;
}

/**
 * The same messages sent again by a raw kafkajs producer with the relay's
 * settings (idempotent, one request in flight, acks all), `perRequest`
 * messages per produce request, one after another: messages/s.
 */
export async function rawProduce(kafka: Kafka, messages: readonly TopicMessage[], perRequest: number): Promise<number> {
  const producer = producerFor(kafka);
  await producer.connect();
  try {
    const started = performance.now();
    for (let offset = 0; offset < messages.length; offset += perRequest) {
      const byTopic = new Map<string, Message[]>();
      for (const { topic, message } of messages.slice(offset, offset + perRequest))
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, sent]) => ({ topic, messages: sent })),
        acks: -1,
      });
    }
    return messages.length / ((performance.now() - started) / 1000);
  } finally {
    await producer.disconnect();
  }
}
