import { contractSchemas, Topics } from '@licensing/contracts';
import { kafkaBrokersFromEnv, waitForTopicLeaders, waitUntil } from '@licensing/contracts/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { exporterUser, issuedLicense, officer, ServiceClient } from '@licensing/service-testing';

interface Seen {
  readonly topic: string;
  readonly type: string;
  readonly value: { data: Record<string, any> } & Record<string, unknown>;
}

/**
 * A shipment correction and cancellation reach Kafka through the embedded
 * relay (real broker): their own messages, valid for their contracts, and
 * `license.state` snapshots with the quantities given back.
 */
describe('shipment corrections on Kafka (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/licensing-service/jest.config.js');
  const prefix = `corrections-spec.${Date.now().toString(36)}.`;
  const dataDir = mkdtempSync(join(tmpdir(), 'corrections-relay-'));
  const kafka = new Kafka({ clientId: 'corrections-relay-spec', brokers, logLevel: logLevel.NOTHING });
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

  it('publishes the correction and the cancellation, and the compacted state with the quantities given back', async () => {
    const licenseId = await issuedLicense(client, 'app-corr-kafka', '2026-11-23', '2027-06-30');
    const act = async (action: string, as: typeof officer, body: unknown) => {
      const reply = await client.post(`/licenses/${licenseId}/${action}`, as, body);
      if (reply.status !== 200) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
    };
    await act('record-shipment', exporterUser, {
      shipmentId: 'shp-k',
      lines: [{ lineId: '1', quantity: 100 }],
      customsDeclarationRef: 'CD-K-1',
    });
    await act('correct-shipment', exporterUser, {
      shipmentId: 'shp-k',
      lines: [{ lineId: '1', quantity: 60 }],
      reason: 'Customs weighed 60 kg',
    });
    await act('cancel-shipment', officer, { shipmentId: 'shp-k', reason: 'The consignment never left' });

    const seen: Seen[] = [];
    const topics = [`${prefix}${Topics.licenseEvents}`, `${prefix}${Topics.licenseState}`];
    await waitForTopicLeaders(kafka, topics);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (message.key?.toString() !== licenseId || message.value === null) return;
        const value = JSON.parse(message.value.toString()) as Seen['value'];
        seen.push({ topic: topic.slice(prefix.length), type: String(value['type']), value });
      },
    });
    const states = () => seen.filter((m) => m.type === 'license.state');
    const eventsSeen = () => seen.filter((m) => m.topic === Topics.licenseEvents);
    // Two topics, fetched independently: one can arrive whole while the other is still a fetch behind.
    await waitUntil(
      () => states().length === 5 && eventsSeen().length === 5,
      `five license.state snapshots and five license events of ${licenseId}`,
    );

    const events = eventsSeen().map((m) => m.type);
    expect(events).toEqual([
      'license.issued',
      'license.shipment-recorded',
      'license.exhausted',
      'license.shipment-corrected',
      'license.shipment-cancelled',
    ]);
    for (const message of seen) {
      const parsed = contractSchemas[message.type as keyof typeof contractSchemas].safeParse(message.value);
      expect({ type: message.type, issues: parsed.error?.issues ?? [] }).toEqual({ type: message.type, issues: [] });
    }
    const corrected = seen.find((m) => m.type === 'license.shipment-corrected')?.value.data;
    expect(corrected).toMatchObject({
      customsDeclarationRef: 'CD-K-1',
      shipped: [{ lineId: '1', quantity: { amount: 60, unit: 'kg' } }],
      previouslyShipped: [{ lineId: '1', quantity: { amount: 100, unit: 'kg' } }],
      remaining: [{ lineId: '1', quantity: { amount: 40, unit: 'kg' } }],
    });
    // Used up by the shipment, open again once the correction gave 40 kg back; all 100 after the cancellation.
    expect(states().map((m) => [m.value.data['status'], m.value.data['lines'][0].remaining.amount])).toEqual([
      ['active', 100],
      ['active', 0],
      ['exhausted', 0],
      ['active', 40],
      ['active', 100],
    ]);
  }, 90_000);
});
