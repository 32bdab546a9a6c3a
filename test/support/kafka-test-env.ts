import { Topics } from '@licensing/contracts';
export { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { type Admin, type Kafka } from 'kafkajs';
import { relayTopic } from '@licensing/relay';

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
