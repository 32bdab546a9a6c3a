import { contractSchemas, HeaderNames, isContractMessageType, type ContractRecord } from '@licensing/contracts';
import { openSqliteEventStore, type SqliteEventStore } from '@licensing/event-store';
import { logLevel } from 'kafkajs';
import { join } from 'node:path';
import { checkedInSchemaProblems } from './support/checked-in-json-schema';
import {
  deleteTopicsWithPrefix,
  kafkaBrokersFromEnv,
  prefixedTopics,
  uniqueTopicPrefix,
  waitUntil,
} from './support/kafka-test-env';
import { allEvents, dedupeKeyOfRecord, expectedRecords } from './support/expected-records';
import { licenseStory, registerExporter, SPEC_NOW, withdrawnApplication } from './support/license-stories';
import { ServiceUnderTest } from './support/service-under-test';
import { TopicReader, type ReadMessage } from './support/topic-reader';
import {
  kafkaFromBrokers,
  type LicenseRelay,
  openRelayCheckpointStore,
  RELAYED_STREAM_PREFIXES,
  type RelayCheckpointStore,
  type RelayLogger,
  startLicenseRelay,
} from '@licensing/relay';

jest.setTimeout(60_000);

const brokers = kafkaBrokersFromEnv('test/jest.config.js');
const kafka = kafkaFromBrokers(brokers, 'license-relay-spec', logLevel.NOTHING);
const logged: string[] = [];
const log: RelayLogger = {
  log: (m) => logged.push(m),
  warn: (m) => logged.push(`WARN ${m}`),
  error: (m) => logged.push(`ERROR ${m}`),
};

const keyOf = (m: ReadMessage) => `${m.headers[HeaderNames.eventId]}/${m.headers[HeaderNames.eventType]}`;
const missingFrom = (reader: TopicReader, expected: readonly ContractRecord[]) => {
  const seen = reader.keys();
  return expected.filter((record) => !seen.has(dedupeKeyOfRecord(record)));
};

describe('the license relay, in process on the service’s SQLite store, against a real broker', () => {
  const prefix = uniqueTopicPrefix('flow');
  const topics = prefixedTopics(prefix);
  const service = new ServiceUnderTest();
  const licenseIds: string[] = [];
  const readers: TopicReader[] = [];
  let store: SqliteEventStore;
  let checkpoints: RelayCheckpointStore;
  let relay: LicenseRelay;
  let expected: ContractRecord[];
  let reader: TopicReader;

  beforeAll(async () => {
    await service.start(SPEC_NOW);
    await registerExporter(service);
    store = openSqliteEventStore({ filename: service.eventsFile, pollIntervalMs: 20 });
    checkpoints = openRelayCheckpointStore(join(service.dataDir, 'relay.sqlite'));
    relay = startLicenseRelay({ store, kafka, checkpoints, topicPrefix: prefix, log, probeIntervalMs: 100 });
    // The seeded policy history is there before the relay: it catches up first, then follows live commands.
    await waitUntil(
      () => relay.status().state === 'live',
      () => `the relay to catch up (${JSON.stringify(relay.status())})`,
    );
    for (const [i, id] of ['app-flow-0', 'app-flow-1', 'app-flow-2', 'app-flow-3'].entries())
      licenseIds.push(await licenseStory(service, id, i));
    await withdrawnApplication(service, 'app-flow-withdrawn');
    expected = await expectedRecords(store);
    reader = new TopicReader(kafka, Object.values(topics));
    readers.push(reader);
    await reader.start();
    await waitUntil(
      () => missingFrom(reader, expected).length === 0,
      () => `${missingFrom(reader, expected).length} expected messages`,
    );
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.stop()));
    await relay?.stop();
    await store?.close();
    await checkpoints?.close();
    await service.dispose();
    await deleteTopicsWithPrefix(kafka, prefix);
  });

  it('publishes a message for every relayed event, and nothing else', () => {
    expect(reader.keys()).toEqual(new Set(expected.map(dedupeKeyOfRecord)));
    const types = new Set(expected.map((r) => r.value.type));
    expect([...types].sort()).toEqual(
      [
        'application.decided',
        'application.submitted',
        'control-measure.changed',
        'license.amended',
        'license.exhausted',
        'license.issued',
        'license.reinstated',
        'license.revoked',
        'license.shipment-recorded',
        'license.state',
        'license.suspended',
      ].sort(),
    );
  });

  it('keeps the messages of each key in the order their events were recorded, on the topic of their type', () => {
    const firstSeen = (messages: readonly { topic: string; key: string | null; id: string }[]) => {
      const byKey = new Map<string, string[]>();
      for (const m of messages) {
        const list = byKey.get(`${m.topic}|${m.key}`) ?? [];
        if (!list.includes(m.id)) list.push(m.id);
        byKey.set(`${m.topic}|${m.key}`, list);
      }
      return byKey;
    };
    const received = firstSeen(
      reader.messages.map((m) => ({ topic: m.topic.slice(prefix.length), key: m.key, id: keyOf(m) })),
    );
    const recorded = firstSeen(expected.map((r) => ({ topic: r.topic, key: r.key, id: dedupeKeyOfRecord(r) })));
    expect(received).toEqual(recorded);
    expect(received.size).toBeGreaterThan(licenseIds.length * 2);
  });

  it('sends messages that honour the contract: headers, key, zod schema and the checked-in JSON Schema', () => {
    for (const message of reader.messages) {
      const type = message.headers[HeaderNames.eventType] ?? '';
      expect(isContractMessageType(type)).toBe(true);
      if (!isContractMessageType(type)) continue;
      expect(message.headers).toEqual({
        'event-id': message.value['eventId'],
        'event-type': type,
        'event-version': '1',
        'content-type': 'application/json',
      });
      expect(message.key).toBe((message.value['subject'] as { id: string }).id);
      // Both: the zod schema, and the checked-in JSON Schema file (ajv, draft 2020-12, formats checked).
      expect(contractSchemas[type].safeParse(message.value).error?.issues ?? []).toEqual([]);
      expect(checkedInSchemaProblems(type, 1, message.value)).toEqual([]);
      // …and the file does refuse what the contract refuses.
      expect(checkedInSchemaProblems(type, 1, { ...message.value, eventId: 'not-a-uuid' })).toContain(
        '/eventId must match format "uuid"',
      );
    }
  });

  it('reports no lag once all is published, with the saved checkpoint at the last relayed event', async () => {
    // The last relayed event may have no message (a withdrawal): the checkpoint still moves past it.
    const relayed = (await allEvents(store)).filter((e) =>
      RELAYED_STREAM_PREFIXES.some((p) => e.streamId.startsWith(p)),
    );
    const lastRelayed = relayed[relayed.length - 1]!.position;
    expect(lastRelayed > BigInt(expected[expected.length - 1]!.value.sourcePosition)).toBe(true);
    await waitUntil(
      () => relay.status().lagEvents === 0 && relay.status().lagExact,
      () => `no lag (${JSON.stringify(relay.status(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))})`,
    );
    const status = relay.status();
    expect(status).toMatchObject({
      state: 'live',
      lagEvents: 0,
      lagExact: true,
      restarts: 0,
      lastError: null,
      publishedPosition: lastRelayed,
    });
    expect(status.storePosition! >= lastRelayed).toBe(true);
    expect(await checkpoints.load('license-relay')).toBe(lastRelayed);
  });

  it('gives a new consumer of the compacted state topic alone the license states of the service’s read model', async () => {
    const stateReader = new TopicReader(kafka, [topics.licenseState]);
    readers.push(stateReader);
    await stateReader.start();
    const latest = () => {
      const states = new Map<string, Record<string, unknown>>();
      for (const m of stateReader.messages) {
        const data = m.value['data'] as Record<string, unknown>;
        const held = states.get(m.key ?? '');
        if (held === undefined || (held['version'] as number) < (data['version'] as number))
          states.set(m.key ?? '', data);
      }
      return states;
    };
    const views = new Map<string, Record<string, unknown>>();
    // Both sides are eventually consistent: wait until the snapshot and the read model have seen the same last event.
    await waitUntil(
      async () => {
        for (const id of licenseIds)
          views.set(id, (await service.get(`/licenses/${id}`)).body as Record<string, unknown>);
        return licenseIds.every((id) => latest().get(id)?.['version'] === views.get(id)?.['revision']);
      },
      () => `the latest snapshot of ${licenseIds.join(', ')} to match the read model's revision`,
    );

    for (const id of licenseIds) {
      const snapshot = latest().get(id)!;
      const view = views.get(id)! as {
        recordedStatus: string;
        validFrom: string;
        validUntil: string;
        items: { lineId: string; licensed: number; remaining: number }[];
        endUsers: { name: string }[];
        suspension: { until: string | null } | null;
      };
      const lines = snapshot['lines'] as {
        lineId: string;
        authorised: { amount: number };
        remaining: { amount: number };
      }[];
      expect({
        status: snapshot['status'],
        validFrom: snapshot['validFrom'],
        validUntil: snapshot['validUntil'],
        lines: lines.map((l) => ({ lineId: l.lineId, licensed: l.authorised.amount, remaining: l.remaining.amount })),
        endUsers: (snapshot['endUsers'] as { name: string }[]).map((p) => p.name),
        suspendedUntil: (snapshot['suspension'] as { until: string | null } | null)?.until,
      }).toEqual({
        status: view.recordedStatus,
        validFrom: view.validFrom,
        validUntil: view.validUntil,
        lines: view.items.map((i) => ({ lineId: i.lineId, licensed: i.licensed, remaining: i.remaining })),
        endUsers: view.endUsers.map((p) => p.name),
        suspendedUntil: view.suspension?.until,
      });
    }
    expect(new Set(licenseIds.map((id) => latest().get(id)!['status']))).toEqual(
      new Set(['active', 'exhausted', 'revoked']),
    );
  });

  it('backs off after a failed checkpoint save and resubscribes from the saved checkpoint, skipping nothing', async () => {
    const retryPrefix = uniqueTopicPrefix('retry');
    let saves = 0;
    const failingOnce: RelayCheckpointStore = {
      load: (name) => checkpoints.load(name),
      save: async (name, position) => {
        saves += 1;
        if (saves === 2) throw new Error('disk full (spec)');
        await checkpoints.save(name, position);
      },
      close: async () => undefined,
    };
    const second = startLicenseRelay({
      store,
      kafka,
      checkpoints: failingOnce,
      topicPrefix: retryPrefix,
      relayName: 'retry-spec',
      log,
      maxBatchEvents: 5,
      retryBackoff: { initialDelayMs: 50 },
    });
    const retryReader = new TopicReader(kafka, Object.values(prefixedTopics(retryPrefix)));
    readers.push(retryReader);
    try {
      await waitUntil(
        () => second.status().state !== 'starting',
        () => 'the second relay to create its topics',
      );
      await retryReader.start();
      await waitUntil(
        () => missingFrom(retryReader, expected).length === 0,
        () => `${missingFrom(retryReader, expected).length} messages after the retry`,
      );
      expect(retryReader.keys()).toEqual(new Set(expected.map(dedupeKeyOfRecord)));
      expect(second.status().restarts).toBe(1);
      expect(logged.some((line) => line.startsWith('ERROR Relay run failed (Error: disk full (spec))'))).toBe(true);
      // The batch whose checkpoint failed was sent again: at least once, never skipped.
      expect(retryReader.messages.length).toBeGreaterThan(expected.length);
    } finally {
      await second.stop();
      await deleteTopicsWithPrefix(kafka, retryPrefix);
    }
  });
});
