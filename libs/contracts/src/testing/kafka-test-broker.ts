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
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
