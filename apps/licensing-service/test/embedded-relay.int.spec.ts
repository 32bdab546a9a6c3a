import { Topics } from '@licensing/contracts';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { issuedLicense } from './licensing-flow';
import { ServiceClient } from './service-client';

function brokersFromEnv(): string {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: run this spec via `npm test` (it starts a broker), or start one with `npm run kafka -- start`.');
  }
  return brokers;
}

describe('the embedded shape: KAFKA_BROKERS set runs the relay inside the service (real broker)', () => {
  const brokers = brokersFromEnv();
  const prefix = `service-spec.${Date.now().toString(36)}.`;
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-relay-'));
  const kafka = new Kafka({ clientId: 'embedded-relay-spec', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
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
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
      }),
    );
    app = started.app;
    client = new ServiceClient(started.url);
  }, 60_000);

  afterAll(async () => {
    await consumer.disconnect();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes an issued license to the license topic, and ops see the relay caught up', async () => {
    const licenseId = await issuedLicense(client, 'app-kafka', '2026-11-23', '2027-06-30');
    const seen: { key: string; type: string | undefined }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}${Topics.licenseEvents}`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ key: message.key?.toString() ?? '', type: message.headers?.['event-type']?.toString() });
      },
    });
    const deadline = Date.now() + 30_000;
    while (!seen.some((m) => m.key === licenseId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(seen).toContainEqual({ key: licenseId, type: 'license.issued' });

    let consumers = (await client.get('/ops/consumers')).body;
    while (consumers.relay.lagEvents !== 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      consumers = (await client.get('/ops/consumers')).body;
    }
    expect(consumers.relay).toMatchObject({ enabled: true, lagEvents: 0, state: 'live' });
    expect(consumers.readModels.map((m: { name: string; caughtUp: boolean }) => m.caughtUp)).toEqual([true, true, true]);
  }, 60_000);
});
