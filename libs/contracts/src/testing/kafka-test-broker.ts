import type { Kafka } from 'kafkajs';

/**
 * Where Kafka integration specs find their broker: KAFKA_BROKERS, which
 * `npm test` sets after starting one (infra/scripts/run-tests.mjs). Without
 * it a spec fails with directions, never skips.
 */
export function kafkaBrokersFromEnv(jestConfig: string): string[] {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set, so there is no Kafka broker to test against. Run the suite with `npm test` ' +
        '(it starts one), or start one with `npm run kafka -- start` and run ' +
        `\`KAFKA_BROKERS=127.0.0.1:9092 npx jest -c ${jestConfig}\` (then \`npm run kafka -- stop\`).`,
    );
  }
  return brokers;
}

/** Resolves when `done()` holds; rejects after `timeoutMs`, saying what it waited for. */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Resolves once every topic exists and each of its partitions has a leader.
 * A consumer that subscribes earlier (say, before a relay created the topic)
 * fails with "This server does not host this topic-partition".
 */
export async function waitForTopicLeaders(kafka: Kafka, topics: readonly string[], timeoutMs = 30_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let missing: string[] = [...topics];
    await waitUntil(
      async () => {
        const existing = new Set(await admin.listTopics());
        const present = topics.filter((topic) => existing.has(topic));
        const { topics: metadata } =
          present.length > 0 ? await admin.fetchTopicMetadata({ topics: present }) : { topics: [] };
        const led = new Set(
          metadata
            .filter(
              (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
            )
            .map((topic) => topic.name),
        );
        missing = topics.filter((topic) => !led.has(topic));
        return missing.length === 0;
      },
      () => `a leader for every partition of ${missing.join(', ')}`,
      timeoutMs,
    );
  } finally {
    await admin.disconnect();
  }
}
