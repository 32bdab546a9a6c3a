// Where the Kafka integration tests find their broker: KAFKA_BROKERS, which
// `npm test` sets after starting one (infra/scripts/run-tests.mjs).
export function kafkaBrokersFromEnv(): string[] {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set, so there is no Kafka broker to test against. Run the suite with `npm test` ' +
        '(it starts one), or start one with `node infra/kafka/kafka.mjs start` and run ' +
        '`KAFKA_BROKERS=127.0.0.1:9092 npx jest -c infra/kafka/jest.config.js`.',
    );
  }
  return brokers;
}

/** A topic name no earlier run or other suite on a shared broker uses. */
export function uniqueTopic(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

/** Resolves when `done()` holds, rejects after `timeoutMs` with `what` in the message. */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
