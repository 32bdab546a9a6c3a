// The gate against a real Kafka broker: license-state snapshots produced the
// way the relay produces them (toContractRecord, keyed by license id, on the
// compacted topic), learned by a fresh consumer group from the beginning,
// then declarations checked in the pure gate and over HTTP.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import {
  InMemoryDedupeStore,
  serializeContractMessage,
  toContractRecord,
  Topics,
  topicSpecs,
  type LicenseStateV1,
} from '@licensing/contracts';
import { checkDeclaration } from '../gate/check-declaration';
import type { CustomsDeclaration } from '../gate/declaration';
import type { BookOutcome } from '../gate/gate-license-book';
import { licenseStateMessage, lineWithRemaining } from '../gate/testing/license-states';
import { startGateApp } from '../http/create-app';
import { type CustomsGate, startCustomsGate } from './start-customs-gate';

jest.setTimeout(90_000);

// Response bodies are asserted field by field below; their shape is what is under test.

const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

// Unique per run: the state topic is shared with every earlier run and suite on this broker.
const run = randomUUID().slice(0, 8);
const id = (name: string) => `lic-cg-${run}-${name}`;
const ACTIVE = id('active');
const EXHAUSTED = id('exhausted');
const SUSPENDED = id('suspended');
const TODAY = '2026-02-10';

const activeV0 = licenseStateMessage({ licenseId: ACTIVE, version: 0, data: { lines: [lineWithRemaining(100)] } });
const activeV1 = licenseStateMessage({ licenseId: ACTIVE, version: 1, data: { lines: [lineWithRemaining(70)] } });
const exhausted = licenseStateMessage({
  licenseId: EXHAUSTED,
  version: 3,
  data: { status: 'exhausted', endedOn: '2026-02-05', lines: [lineWithRemaining(0)] },
});
const suspended = licenseStateMessage({
  licenseId: SUSPENDED,
  version: 1,
  data: {
    status: 'suspended',
    suspension: { reason: 'End user under investigation', suspendedOn: '2026-02-01', until: null },
  },
});

const declaration = (licenseId: string, quantity: number): CustomsDeclaration => ({
  declarationRef: `CD-${run}-${licenseId}`,
  licenseId,
  exporterId: 'exp-1',
  lines: [{ lineId: '1', quantity, unit: 'kg' }],
});

describe('the customs gate on a real Kafka broker', () => {
  let kafka: Kafka;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let gate: CustomsGate | undefined;
  let app: INestApplication | undefined;

  async function produce(messages: readonly LicenseStateV1[]): Promise<void> {
    const records = messages.map(toContractRecord);
    // One send per message, so the order per key is the order given here.
    for (const record of records) {
      await producer!.send({
        topic: record.topic,
        acks: -1,
        messages: [{ key: record.key, value: serializeContractMessage(record.value), headers: { ...record.headers } }],
      });
    }
  }

  beforeAll(async () => {
    kafka = new Kafka({
      clientId: 'customs-gate-int',
      brokers: kafkaBrokersFromEnv('apps/customs-gate/jest.config.js'),
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
    const spec = topicSpecs.find((t) => t.topic === Topics.licenseState)!;
    // false when the topic already exists (an earlier run, or the relay created it): fine either way.
    await admin.createTopics({ topics: [{ ...spec, configEntries: [...spec.configEntries] }], waitForLeaders: true });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // The redelivered v0 after v1 is what a relay re-sending after a crash looks like.
    await produce([activeV0, exhausted, activeV1, suspended, activeV0]);
  });

  afterAll(async () => {
    await app?.close();
    await gate?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
  });

  it('learns every license from the beginning of the state topic, newest version winning over a redelivery', async () => {
    const outcomes: BookOutcome[] = [];
    // The kit's dedupe store would drop the re-sent v0 (same event id) before the book sees it. A store
    // too small to remember, as a bounded one is after enough traffic, leaves the book's version rule to decide.
    gate = await startCustomsGate({
      kafka,
      groupId: `customs-gate-int-${run}`,
      dedupe: new InMemoryDedupeStore(1),
      onOutcome: (o) => outcomes.push(o),
    });
    const ours = () => outcomes.filter((o) => o.licenseId.startsWith(`lic-cg-${run}-`));
    await waitUntil(() => ours().length === 5, 'the five snapshots of this run', 45_000);

    expect(ours().filter((o) => o.licenseId === ACTIVE)).toEqual([
      { outcome: 'applied', licenseId: ACTIVE, version: 0, previousVersion: null },
      { outcome: 'applied', licenseId: ACTIVE, version: 1, previousVersion: 0 },
      { outcome: 'stale', licenseId: ACTIVE, version: 0, heldVersion: 1 },
    ]);
    expect(gate.book.get(ACTIVE)?.lines[0]?.remaining.amount).toBe(70);
    expect(gate.book.get(EXHAUSTED)?.status).toBe('exhausted');
    expect(gate.book.get(SUSPENDED)?.status).toBe('suspended');
  });

  it('releases within the remaining quantity and refuses above it, exhausted, suspended and unknown', () => {
    const book = gate!.book;
    expect(checkDeclaration(book, declaration(ACTIVE, 70), TODAY)).toMatchObject({
      verdict: 'release',
      basis: { version: 1 },
    });
    expect(checkDeclaration(book, declaration(ACTIVE, 71), TODAY).codes).toEqual(['gate.quantity_exceeds_remaining']);
    expect(checkDeclaration(book, declaration(EXHAUSTED, 1), TODAY).codes).toEqual([
      'gate.license_exhausted',
      'gate.quantity_exceeds_remaining',
    ]);
    expect(checkDeclaration(book, declaration(SUSPENDED, 1), TODAY).codes).toEqual(['gate.license_suspended']);
    expect(checkDeclaration(book, declaration(id('never-issued'), 1), TODAY).codes).toEqual(['gate.unlicensed']);
  });

  it('serves the same verdicts over HTTP from its own consumer group, with problem details for a bad declaration', async () => {
    const started = await startGateApp(
      {
        KAFKA_BROKERS: kafkaBrokersFromEnv('apps/customs-gate/jest.config.js'),
        GATE_PORT: 0,
        HOST: '127.0.0.1',
        GATE_GROUP_ID: 'customs-gate-int-http',
        KAFKA_TOPIC_PREFIX: '',
        CLOCK_FIXED_AT: '2026-02-10T02:00:00Z',
        BODY_LIMIT: 16 * 1024,
        CORS_ORIGINS: [],
        LOG_LEVEL: 'log',
        LOG_FORMAT: 'json',
        OTEL_TRACES_EXPORTER: 'none',
      },
      { instanceId: run, logger: false },
    );
    app = started.app;
    const { url } = started;
    const post = (body: unknown) =>
      fetch(`${url}/declarations/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    await waitUntil(
      async () => (await fetch(`${url}/licenses/${SUSPENDED}`)).status === 200,
      'the HTTP gate to learn this run’s licenses',
      45_000,
    );
    await waitUntil(
      async () => (await json(fetch(`${url}/licenses/${ACTIVE}`))).license?.version === 1,
      `${ACTIVE} at version 1`,
      45_000,
    );

    const license = await json(fetch(`${url}/licenses/${SUSPENDED}`));
    expect(license).toMatchObject({
      license: { licenseId: SUSPENDED, status: 'suspended' },
      today: { date: TODAY, usable: false, refusal: { code: 'gate.license_suspended' } },
    });

    const released = await post(declaration(ACTIVE, 30));
    expect(released.status).toBe(200);
    expect(await json(released)).toMatchObject({
      declarationRef: `CD-${run}-${ACTIVE}`,
      checkedOn: TODAY,
      verdict: 'release',
      reasons: [],
    });

    const refused = await json(post(declaration(EXHAUSTED, 5)));
    expect(refused).toMatchObject({
      verdict: 'refuse',
      codes: ['gate.license_exhausted', 'gate.quantity_exceeds_remaining'],
    });
    expect(refused.reasons[0]).toMatch(/exhausted since 2026-02-05/);

    const bad = await post({ ...declaration(ACTIVE, 30), lines: [{ lineId: '1', quantity: -3 }], smuggled: true });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await json(bad);
    expect(problem).toMatchObject({ status: 400, code: 'request.invalid', instance: '/declarations/check' });
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['(body)', 'lines.0.quantity']);

    // The shared HTTP edge: a body over BODY_LIMIT is a 413 problem, not a 500.
    const huge = await post({ ...declaration(ACTIVE, 30), declarationRef: 'x'.repeat(32 * 1024) });
    expect(huge.status).toBe(413);
    expect(await json(huge)).toMatchObject({ code: 'request.body_too_large', limitBytes: 16 * 1024 });

    const unknown = await fetch(`${url}/licenses/${id('never-issued')}`);
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({ code: 'gate.license_unknown' });

    const health = await json(fetch(`${url}/health/live`));
    expect(health).toMatchObject({ status: 'up', consumerGroup: `customs-gate-int-http.${run}` });
    expect(health.licenses).toBeGreaterThanOrEqual(3);
  });
});
