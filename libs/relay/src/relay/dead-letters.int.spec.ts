import { Topics } from '@licensing/contracts';
import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { rareEarthPolicyHistory, type SeedPolicyEvent } from '@licensing/domain';
import {
  type EventStore,
  openSqliteEventStore,
  type ProposedEvent,
  type RecordedEvent,
  type SqliteEventStore,
} from '@licensing/event-store';
import { Metrics } from '@licensing/platform';
import { type Consumer, type KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelayCheckpointStore } from './checkpoint-store';
import { DEAD_LETTER_TOPIC } from './dead-letter';
import { kafkaFromBrokers } from './kafka-from-brokers';
import { relayTopic } from './relay-topics';
import type { LicenseRelay, RelayLogger } from './relay-types';
import { openRelayCheckpointStore } from './sqlite-checkpoint-store';
import { startLicenseRelay } from './start-license-relay';

jest.setTimeout(60_000);

const brokers = kafkaBrokersFromEnv('libs/relay/jest.config.js');
const kafka = kafkaFromBrokers(brokers, 'dead-letter-spec', logLevel.NOTHING);
const AT = '2026-11-23T00:00:00.000Z';
const PARK_AFTER = 2;

const meta = { actor: 'spec', role: 'system', commandId: 'c', correlationId: 'c', causationId: 'c' };
/** An event written straight to the store, as no command would write it: data the domain schema refuses. */
const malformed = (type: string): ProposedEvent => ({
  id: randomUUID(),
  type,
  version: 1,
  data: { garbled: true },
  metadata: { ...meta, occurredAt: AT, recordedAt: AT },
});
const seeded = (seed: SeedPolicyEvent): ProposedEvent => ({
  id: seed.eventId,
  type: seed.event.type,
  version: seed.event.schemaVersion,
  data: seed.event.data,
  metadata: { ...meta, occurredAt: seed.metadata.occurredAt, recordedAt: seed.metadata.recordedAt },
});

interface Read {
  readonly topic: string;
  readonly message: KafkaMessage;
}
const header = (read: Read, name: string) => read.message.headers?.[name]?.toString();

describe('the relay dead-letters an event it cannot map and goes on (real broker)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dead-letters-'));
  const prefix = `dead-letter-spec.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.`;
  const deadLetterTopic = relayTopic(prefix, DEAD_LETTER_TOPIC);
  const policyTopic = relayTopic(prefix, Topics.policyEvents);
  const applicationTopic = relayTopic(prefix, Topics.applicationEvents);
  /** The fix ops deploy before retrying: from then on the store reads the poison event in a shape the domain reads. */
  let fixed = false;
  const repaired = (event: RecordedEvent): RecordedEvent =>
    fixed && event.id === ids.poison
      ? {
          ...event,
          data: { applicationId: 'poison', exporterId: 'exp-1', licenseType: 'individual', submittedOn: '2026-11-20' },
        }
      : event;
  /** The port as an upcaster deployed later makes it read (raw reads stay as stored). */
  const upcasting = (inner: EventStore): EventStore => ({
    append: (streamId, events, options) => inner.append(streamId, events, options),
    readStream: async (streamId, options) =>
      options?.raw ? inner.readStream(streamId, options) : (await inner.readStream(streamId, options)).map(repaired),
    readAll: async (options) => (options.raw ? inner.readAll(options) : (await inner.readAll(options)).map(repaired)),
    subscribeToAll: (options, handler) =>
      inner.subscribeToAll(options, (event) => handler(options.raw ? event : repaired(event))),
    close: () => inner.close(),
  });
  const seeds = rareEarthPolicyHistory();
  const [firstMeasure, secondMeasure] = [...new Set(seeds.map((seed) => seed.streamId))];
  const logged: string[] = [];
  const log: RelayLogger = { log: () => undefined, warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const read: Read[] = [];
  let store: SqliteEventStore;
  let checkpoints: ReturnType<typeof openRelayCheckpointStore>;
  let relay: LicenseRelay;
  let consumer: Consumer;
  let metrics: Metrics;
  const positions: Record<'poison' | 'inherited' | 'lastSeed', bigint> = { poison: 0n, inherited: 0n, lastSeed: 0n };
  const ids: Record<'poison' | 'inherited', string> = { poison: '', inherited: '' };

  async function append(streamId: string, events: ProposedEvent[]): Promise<bigint> {
    return (await store.append(streamId, events, { expectedRevision: 'any' })).position;
  }

  beforeAll(async () => {
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 10 });
    checkpoints = openRelayCheckpointStore(join(dir, 'relay.sqlite'));
    await append(firstMeasure!, seeds.filter((s) => s.streamId === firstMeasure).map(seeded));
    const poison = malformed('ApplicationSubmitted');
    ids.poison = poison.id;
    positions.poison = await append('application-poison', [poison]);
    // A license whose first event cannot be mapped: its next one has no license state to map onto.
    await append('license-L-poison', [malformed('LicenseIssued')]);
    const inherited = malformed('LicenseSuspended');
    ids.inherited = inherited.id;
    positions.inherited = await append('license-L-poison', [inherited]);
    positions.lastSeed = await append(secondMeasure!, seeds.filter((s) => s.streamId === secondMeasure).map(seeded));

    metrics = new Metrics({ processMetrics: false });
    relay = startLicenseRelay({
      store: upcasting(store),
      kafka,
      checkpoints,
      parkedEvents: checkpoints,
      parkAfterAttempts: PARK_AFTER,
      topicPrefix: prefix,
      relayName: 'dead-letter-spec',
      retryBackoff: { initialDelayMs: 20, maxDelayMs: 100 },
      probeIntervalMs: 50,
      log,
      metrics,
    });
    await waitUntil(
      () => relay.status().state === 'live',
      () => `the relay to go live (${JSON.stringify(relay.status())})`,
    );
    consumer = kafka.consumer({ groupId: `${prefix}reader` });
    await consumer.connect();
    await consumer.subscribe({ topics: [deadLetterTopic, policyTopic, applicationTopic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ topic, message }) => void read.push({ topic, message }) });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await relay?.stop();
    await checkpoints?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deadLetters = () => read.filter((r) => r.topic === deadLetterTopic);

  it('publishes the unmappable event to the dead-letter topic with its error, while later events are still delivered', async () => {
    const lastSeedId = seeds.filter((s) => s.streamId === secondMeasure).at(-1)!.eventId;
    await waitUntil(
      () =>
        deadLetters().length >= 3 && read.some((r) => r.topic === policyTopic && header(r, 'event-id') === lastSeedId),
      () => `3 dead letters and the last measure event (read ${read.length} messages)`,
    );
    const [poison, ...license] = deadLetters();
    expect({
      key: poison!.message.key?.toString(),
      eventId: header(poison!, 'event-id'),
      type: header(poison!, 'event-type'),
      position: header(poison!, 'position'),
      attempts: header(poison!, 'dead-letter-attempts'),
      error: header(poison!, 'dead-letter-error'),
    }).toEqual({
      key: 'application-poison',
      eventId: ids.poison,
      type: 'ApplicationSubmitted',
      position: positions.poison.toString(),
      attempts: String(PARK_AFTER),
      error: expect.stringContaining('does not match the domain schema'),
    });
    const value = JSON.parse(poison!.message.value!.toString());
    expect(value).toMatchObject({
      event: {
        id: ids.poison,
        streamId: 'application-poison',
        data: { garbled: true },
        position: positions.poison.toString(),
      },
      attempts: PARK_AFTER,
      relay: 'dead-letter-spec',
      error: expect.stringContaining('Register an upcaster'),
    });
    // The license's next event is dead-lettered at once: nothing could map it before its first one is fixed.
    expect(license.map((r) => [r.message.key?.toString(), header(r, 'dead-letter-attempts')])).toEqual([
      ['license-L-poison', String(PARK_AFTER)],
      ['license-L-poison', '1'],
    ]);
    expect(header(license[1]!, 'dead-letter-error')).toMatch(/^an earlier event of license-L-poison cannot be mapped/);
    // Every event of the second measure went out after them.
    const second = seeds.filter((s) => s.streamId === secondMeasure).map((s) => s.eventId);
    const delivered = read.filter((r) => r.topic === policyTopic).map((r) => header(r, 'event-id'));
    expect(second.filter((id) => !delivered.includes(id))).toEqual([]);
    await waitUntil(() => relay.status().publishedPosition === positions.lastSeed, 'the checkpoint past every event');
  });

  it('records them for ops, counts them in a gauge, and never dead-letters the same event twice', async () => {
    const parked = await relay.parkedEvents();
    expect(parked.map((p) => [p.position, p.eventType, p.state, p.attempts])).toEqual([
      [positions.poison, 'ApplicationSubmitted', 'parked', PARK_AFTER],
      [positions.inherited - 1n, 'LicenseIssued', 'parked', PARK_AFTER],
      [positions.inherited, 'LicenseSuspended', 'parked', 1],
    ]);
    expect(await metrics.scrape()).toMatch(/^licensing_relay_parked_events\{relay="dead-letter-spec"\} 3$/m);
    // Two failed runs for each of the two poison events, none for the one that inherited its failure.
    const unmappableRuns = logged.filter((line) => line.startsWith('Relay run failed (UnmappableEvent')).length;
    expect(unmappableRuns).toBe(2 * (PARK_AFTER - 1));
    expect(deadLetters()).toHaveLength(3);
  });

  it('retries one (still unmappable: it stays parked with the new error) and skips one for good', async () => {
    await expect(relay.retryParked(positions.poison)).resolves.toEqual({
      outcome: 'failed',
      error: expect.stringContaining('does not match the domain schema'),
    });
    await relay.skipParked(positions.inherited);
    const parked = await relay.parkedEvents();
    expect(parked.map((p) => [p.position, p.state, p.attempts])).toEqual([
      [positions.poison, 'parked', PARK_AFTER + 1],
      [positions.inherited - 1n, 'parked', PARK_AFTER],
      [positions.inherited, 'skipped', 1],
    ]);
    await expect(relay.skipParked(positions.inherited)).rejects.toThrow(/no parked event .* \(skipped\)/);
  });

  it('publishes a dead-lettered event when ops retry it after the fix (an upcaster for its shape)', async () => {
    fixed = true;
    await expect(relay.retryParked(positions.poison)).resolves.toEqual({ outcome: 'applied' });
    await waitUntil(
      () => read.some((r) => r.topic === applicationTopic && header(r, 'event-id') === ids.poison),
      'the retried event on the application topic',
    );
    const published = read.find((r) => r.topic === applicationTopic && header(r, 'event-id') === ids.poison)!;
    expect(JSON.parse(published.message.value!.toString())).toMatchObject({
      type: 'application.submitted',
      data: { applicationId: 'poison', exporterId: 'exp-1', submittedOn: '2026-11-20' },
    });
    expect((await relay.parkedEvents())[0]).toMatchObject({ position: positions.poison, state: 'resolved' });
    expect(await metrics.scrape()).toMatch(/^licensing_relay_parked_events\{relay="dead-letter-spec"\} 1$/m);
  });
});

describe('transient failures never dead-letter (real broker)', () => {
  it('keeps retrying a failing checkpoint save, however often, and dead-letters nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dead-letters-transient-'));
    const prefix = `dead-letter-transient.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.`;
    const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 10 });
    const checkpoints = openRelayCheckpointStore(join(dir, 'relay.sqlite'));
    let failures = 0;
    const warned: string[] = [];
    const failing: RelayCheckpointStore = {
      load: (name) => checkpoints.load(name),
      save: async (name, position) => {
        if (failures < 3) {
          failures += 1;
          throw new Error('disk full (spec)');
        }
        await checkpoints.save(name, position);
      },
      close: async () => undefined,
    };
    const seeds = rareEarthPolicyHistory();
    const first = seeds[0]!.streamId;
    const last = (
      await store.append(first, seeds.filter((s) => s.streamId === first).map(seeded), {
        expectedRevision: 'no_stream',
      })
    ).position;
    const relay = startLicenseRelay({
      store,
      kafka,
      checkpoints: failing,
      parkedEvents: checkpoints,
      // Even at one attempt, nothing transient is dead-lettered.
      parkAfterAttempts: 1,
      topicPrefix: prefix,
      relayName: 'transient-spec',
      retryBackoff: { initialDelayMs: 20, maxDelayMs: 100 },
      log: { log: () => undefined, warn: (m) => void warned.push(m), error: (m) => void warned.push(m) },
    });
    const admin = kafka.admin();
    try {
      await waitUntil(
        () => relay.status().publishedPosition === last,
        () => JSON.stringify(relay.status()),
      );
      expect(warned.filter((line) => line.includes('disk full (spec)'))).toHaveLength(3);
      expect(warned.filter((line) => line.includes('Dead-lettered'))).toEqual([]);
      expect(await relay.parkedEvents()).toEqual([]);
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(relayTopic(prefix, DEAD_LETTER_TOPIC));
      expect(offsets.map((o) => o.high)).toEqual(['0']);
    } finally {
      await admin.disconnect();
      await relay.stop();
      await checkpoints.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
