import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { Topics, topicSpecs } from '@licensing/contracts';
import { loadGateConfig } from './config';
import { startGateApp } from './create-app';

/** The gate's log: Nest's, its own, kafkajs' and one line per request, JSON through one pino logger (real broker). */
describe('the customs gate logs JSON lines, kafkajs included', () => {
  const brokers = kafkaBrokersFromEnv('apps/customs-gate/jest.config.js');
  const prefix = `gate-logs-spec.${randomUUID().slice(0, 8)}.`;
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'gate-logs-spec', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const spec = topicSpecs.find((t) => t.topic === Topics.licenseState)!;
    await admin.createTopics({
      topics: [{ ...spec, topic: `${prefix}${spec.topic}`, configEntries: [...spec.configEntries] }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    ({ app, url } = await startGateApp(
      // At debug, kafkajs' own info lines (the consumer joining its group) come through too.
      loadGateConfig({
        KAFKA_BROKERS: brokers.join(','),
        GATE_PORT: '0',
        KAFKA_TOPIC_PREFIX: prefix,
        LOG_LEVEL: 'debug',
      }),
      { logDestination: { write: (text: string) => void lines.push(JSON.parse(text) as Record<string, unknown>) } },
    ));
  }, 60_000);

  afterAll(() => app.close(), 30_000);

  it("writes kafkajs' lines through the gate's logger, beside the gate's own", async () => {
    await waitUntil(
      () => lines.some((line) => line['component'] === 'kafkajs' && /joined the group/i.test(String(line['msg']))),
      'kafkajs to say the consumer joined its group',
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, app: 'customs-gate', component: 'kafkajs', namespace: expect.any(String) }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ context: 'CustomsGate', msg: expect.stringMatching(/^Following gate-logs-spec\./) }),
    );
  });

  it('logs each request as one JSON line with its correlation id', async () => {
    const reply = await fetch(`${url}/licenses/nope`, { headers: { 'X-Correlation-Id': 'gate-req-1' } });
    expect(reply.status).toBe(404);
    expect(lines.filter((line) => line['correlationId'] === 'gate-req-1')).toEqual([
      expect.objectContaining({
        app: 'customs-gate',
        route: '/licenses/:id',
        status: 404,
        outcome: 'refused',
        problem: 'gate.license_unknown',
      }),
    ]);
  });
});
