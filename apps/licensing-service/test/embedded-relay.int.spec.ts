import { Topics } from '@licensing/contracts';
import { kafkaBrokersFromEnv, waitForTopicLeaders, waitUntil } from '@licensing/contracts/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { issuedLicense, opsUser, ServiceClient } from '@licensing/service-testing';

describe('the embedded shape: KAFKA_BROKERS set runs the relay inside the service (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/licensing-service/jest.config.js');
  const prefix = `service-spec.${Date.now().toString(36)}.`;
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-relay-'));
  const kafka = new Kafka({ clientId: 'embedded-relay-spec', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}reader` });
  let app: INestApplication;
  let client: ServiceClient;

  beforeAll(async () => {
    const started = await startService(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        CLOCK_FIXED_AT: '2026-11-23T02:00:00Z',
        LOG_LEVEL: 'warn',
        SCHEDULER_INTERVAL_MS: '0',
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
      }),
    );
    app = started.app;
    client = new ServiceClient(started.url, { dataDir });
  }, 60_000);

  afterAll(async () => {
    await consumer.disconnect();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('publishes an issued license to the license topic, and ops see the relay caught up', async () => {
    const licenseId = await issuedLicense(client, 'app-kafka', '2026-11-23', '2027-06-30');
    const seen: { key: string; type: string | undefined }[] = [];
    const topic = `${prefix}${Topics.licenseEvents}`;
    // The relay creates its topics asynchronously, after the service answered.
    await waitForTopicLeaders(kafka, [topic]);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ key: message.key?.toString() ?? '', type: message.headers?.['event-type']?.toString() });
      },
    });
    await waitUntil(() => seen.some((m) => m.key === licenseId), `${licenseId} on the license topic`);
    expect(seen).toContainEqual({ key: licenseId, type: 'license.issued' });

    // Readiness asks the same cluster for its metadata, through the relay's client.
    const ready = await client.get('/health/ready', null);
    expect(ready.status).toBe(200);
    expect(ready.body.details.kafka).toMatchObject({ status: 'up', brokers: expect.any(Number) });
    expect(ready.body.details.kafka.relay).toMatchObject({ state: expect.any(String) });

    let consumers = (await client.get('/ops/consumers', opsUser)).body;
    await waitUntil(async () => {
      consumers = (await client.get('/ops/consumers', opsUser)).body;
      return consumers.relay.lagEvents === 0;
    }, 'the relay to report no lag');
    expect(consumers.relay).toMatchObject({ enabled: true, lagEvents: 0, state: 'live' });
    const readModels = consumers.readModels as { name: string; caughtUp: boolean }[];
    expect(readModels.map((m) => m.name).sort()).toEqual([
      'announcements',
      'decisions-by-measure',
      'exporter-view',
      'license-state',
      'rule-history',
    ]);
    expect(readModels.filter((m) => !m.caughtUp)).toEqual([]);

    // The relay's metrics say the same to Prometheus: live, no lag, the license's message produced.
    const scrape = (await client.get('/metrics', null)).body as string;
    const sample = (name: string) => new RegExp(`^${name}\\{relay="[^"]+"\\} (\\S+)$`, 'm').exec(scrape)?.[1];
    expect({ live: sample('licensing_relay_live'), lag: sample('licensing_relay_lag_events') }).toEqual({
      live: '1',
      lag: '0',
    });
    expect(Number(sample('licensing_relay_published_messages_total'))).toBeGreaterThan(0);
  }, 60_000);
});
