import { type ContractMessage, type ContractRecord, serializeContractMessage, topicSpecs } from '@licensing/contracts';
import type { Admin, ITopicConfig, Message, TopicMessages } from 'kafkajs';
import { DEAD_LETTER_TOPIC_SPEC } from './dead-letter';

/** The contract topic name as produced to, with the deployment's prefix. */
export function relayTopic(prefix: string, topic: string): string {
  return `${prefix}${topic}`;
}

/**
 * Creates the contract topics (and the dead-letter topic) that are missing, with the contract's
 * partitions and cleanup settings. Existing topics are left as they are:
 * changing partitions would move keys and break per-key order.
 */
export async function ensureContractTopics(admin: Admin, prefix: string): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing: ITopicConfig[] = [...topicSpecs, DEAD_LETTER_TOPIC_SPEC]
    .filter((spec) => !existing.has(relayTopic(prefix, spec.topic)))
    .map((spec) => ({
      topic: relayTopic(prefix, spec.topic),
      numPartitions: spec.numPartitions,
      configEntries: spec.configEntries.map((e) => ({ ...e })),
    }));
  if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  return missing.map((topic) => topic.topic);
}

/**
 * A message's value as sent, serialised once: the pipeline sizes its batch
 * with it when the record is added, and the send reuses it.
 */
const serialised = new WeakMap<ContractMessage, Buffer>();
function wireValue(value: ContractMessage): Buffer {
  let bytes = serialised.get(value);
  if (bytes === undefined) {
    bytes = serializeContractMessage(value);
    serialised.set(value, bytes);
  }
  return bytes;
}

/** About what one record adds to a produce request: its value, key and headers (not Kafka's framing). */
export function wireSize(record: ContractRecord): number {
  let size = wireValue(record.value).length + Buffer.byteLength(record.key);
  for (const [name, value] of Object.entries(record.headers))
    size += Buffer.byteLength(name) + (value === undefined ? 0 : Buffer.byteLength(value));
  return size;
}

/**
 * Groups records per topic for one `sendBatch`, keeping their order inside
 * each topic: order matters per key, and a key lives on one topic.
 */
export function toTopicMessages(prefix: string, records: readonly ContractRecord[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    const topic = relayTopic(prefix, record.topic);
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key: record.key, value: wireValue(record.value), headers: { ...record.headers } });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
