import { openSqliteEventStore } from '@licensing/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { createServer } from 'node:net';
import { openRelayCheckpointStore } from './sqlite-checkpoint-store';
import { startLicenseRelay } from './start-license-relay';

/** A loopback port nobody listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('startLicenseRelay without a reachable broker', () => {
  it('reports that it is retrying and why, keeps its checkpoint, and stops promptly in the middle of a backoff', async () => {
    const store = openSqliteEventStore({ filename: ':memory:' });
    const checkpoints = openRelayCheckpointStore(':memory:');
    const kafka = new Kafka({
      clientId: 'relay-spec',
      brokers: [`127.0.0.1:${await closedPort()}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 20 },
    });
    const logged: string[] = [];
    const relay = startLicenseRelay({
      store,
      kafka,
      checkpoints,
      log: { log: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) },
      // After the first failure the relay sleeps 30 s: stop() must cut that short. Without jitter, so the log line is exact.
      retryBackoff: { initialDelayMs: 30_000, maxDelayMs: 60_000, jitter: false },
    });
    try {
      expect(relay.status().state).toBe('starting');
      const deadline = Date.now() + 10_000;
      while (relay.status().restarts < 1 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));

      const status = relay.status();
      expect(status).toMatchObject({ state: 'retrying', publishedPosition: null, publishedEvents: 0 });
      expect(status.restarts).toBe(1);
      expect(status.lastError).toMatch(/KafkaJS/);
      expect(logged.filter((line) => line.startsWith('Relay run failed'))).toEqual([
        expect.stringMatching(/resubscribing from the saved checkpoint start in 30000 ms$/),
      ]);
      expect(await checkpoints.load('license-relay')).toBeNull();
    } finally {
      const stopping = Date.now();
      await relay.stop();
      expect(Date.now() - stopping).toBeLessThan(2_000);
      expect(relay.status().state).toBe('stopped');
      await store.close();
      await checkpoints.close();
    }
  });
});
