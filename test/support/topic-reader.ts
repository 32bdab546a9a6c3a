import { HeaderNames } from '@licensing/contracts';
import { waitForTopicLeaders } from '@licensing/contracts/testing';
import type { Consumer, Kafka } from 'kafkajs';

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON value. */
  readonly value: Record<string, unknown>;
}

/** A plain kafkajs consumer (new group, from the beginning) that keeps every message it reads, in arrival order. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: readonly string[],
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `relay-spec-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    });
    this.consumer = consumer;
    await waitForTopicLeaders(this.kafka, this.topics);
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, raw] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(raw) ? raw[0] : raw;
          if (first !== undefined) headers[name] = first.toString();
        }
        this.messages.push({
          topic,
          partition,
          offset: BigInt(message.offset),
          key: message.key?.toString('utf8') ?? null,
          headers,
          value: JSON.parse(message.value?.toString('utf8') ?? 'null') as Record<string, unknown>,
        });
      },
    });
  }

  /** The distinct `eventId/type` pairs read so far. */
  keys(): Set<string> {
    return new Set(this.messages.map((m) => `${m.headers[HeaderNames.eventId]}/${m.headers[HeaderNames.eventType]}`));
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }
}
