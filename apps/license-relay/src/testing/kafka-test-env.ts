import { Topics } from '@licensing/contracts';
import { type Admin, type Kafka } from 'kafkajs';
import { relayTopic } from '../relay/relay-topics';

/** The broker of the integration specs; without one they fail, never skip. */
export function kafkaBrokersFromEnv(): string[] {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set, so the license-relay integration specs have no Kafka broker. Run them via `npm test` ' +
        '(it starts one), or start one with `node infra/kafka/kafka.mjs start` and run ' +
        '`KAFKA_BROKERS=127.0.0.1:9092 npx jest -c apps/license-relay/jest.config.js int.spec` (then `node infra/kafka/kafka.mjs stop`).',
    );
  }
  return brokers;
}

/**
 * Topic names are contract constants, so each spec run gets its own topic
 * prefix (the relay's `topicPrefix`): runs on a shared broker never see
 * each other's messages.
 */
export function uniqueTopicPrefix(spec: string): string {
  return `relay-spec.${spec}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.`;
}

export function prefixedTopics(prefix: string): { readonly [Name in keyof typeof Topics]: string } {
  return {
    licenseEvents: relayTopic(prefix, Topics.licenseEvents),
    applicationEvents: relayTopic(prefix, Topics.applicationEvents),
    policyEvents: relayTopic(prefix, Topics.policyEvents),
    licenseState: relayTopic(prefix, Topics.licenseState),
  };
}

/** Removes a run's topics; the broker keeps the rest. */
export async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Resolves when `done()` holds; rejects after `timeoutMs`, saying what it waited for and what it saw. */
export async function waitUntil(done: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
