import {
  controlMeasureDecider,
  ControlMeasureEvent,
  ExporterEvent,
  fold,
  NotFoundError,
  rareEarthPolicyHistory,
} from '@licensing/domain';
import {
  type EventMetadata,
  type EventStore,
  hashEvent,
  openSqliteEventStore,
  type ProposedEvent,
  type RecordedEvent,
} from '@licensing/event-store';
import { contractUpcasters, fixedMetadata } from '@licensing/event-store/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateOfStream, NotAnAggregateStream } from './aggregate-kinds';
import { type EventEnvelopeJson } from './envelope-json';
import { readAllPage } from './read-all-page';
import { readStreamPage } from './read-stream-page';
import { stateAt } from './state-at';

/**
 * The event log API against a real SQLite event store: an exporter's
 * stream, the seeded policy history, a stream whose old events an upcaster
 * rewrites on read, and enough filler to exhaust a filtered page's scan.
 */

const EXPORTER = 'exporter-exp-1';
/** When each of the exporter's three events was recorded. */
const RECORDED = ['2026-01-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z'];
const FILLER = 1200;

const exporterEvents: ExporterEvent[] = [
  {
    type: 'ExporterRegistered',
    schemaVersion: 1,
    data: {
      exporterId: 'exp-1',
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportsSince: '2020-03-01',
      licensedExportsLastThreeYears: 12,
      registeredOn: '2026-01-10',
    },
  },
  {
    type: 'ComplianceProgrammeCertified',
    schemaVersion: 1,
    data: { exporterId: 'exp-1', certificateRef: 'ICP-2026-07', certifiedOn: '2026-02-10' },
  },
  { type: 'QualifiedForGeneralLicenses', schemaVersion: 1, data: { exporterId: 'exp-1', qualifiedOn: '2026-03-10' } },
];

const event = (type: string, data: unknown, metadata: Partial<EventMetadata> = {}, version = 1): ProposedEvent => ({
  id: randomUUID(),
  type,
  version,
  data,
  metadata: fixedMetadata(metadata),
});

/** JSON.stringify would throw on a bigint: the envelopes must survive it unchanged. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the event log API over a real SQLite event store', () => {
  let dir: string;
  let store: EventStore;
  let everything: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'event-log-'));
    store = openSqliteEventStore({
      filename: join(dir, 'events.sqlite'),
      synchronous: 'NORMAL',
      upcasters: contractUpcasters(),
    });
    // The policy history, one append per measure, as the service seeds it.
    const seeds = rareEarthPolicyHistory();
    for (const streamId of new Set(seeds.map((seed) => seed.streamId))) {
      const own = seeds.filter((seed) => seed.streamId === streamId);
      await store.append(
        streamId,
        own.map((seed) => ({
          id: seed.eventId,
          type: seed.event.type,
          version: seed.event.schemaVersion,
          data: seed.event.data,
          metadata: fixedMetadata({
            actor: seed.metadata.actor.id,
            role: seed.metadata.actor.role,
            occurredAt: seed.metadata.occurredAt,
            recordedAt: seed.metadata.recordedAt,
          }),
        })),
        { expectedRevision: 'no_stream' },
      );
    }
    for (const [revision, domainEvent] of exporterEvents.entries()) {
      const recordedAt = RECORDED[revision] as string;
      await store.append(
        EXPORTER,
        [
          event(domainEvent.type, domainEvent.data, {
            recordedAt,
            issuer: 'https://issuer.test',
            exporterIds: ['exp-1'],
          }),
        ],
        { expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1) },
      );
    }
    // Stored as v1 {name}; read upcast it is v3 {fullName, source}.
    await store.append('contract-1', [event('ContractRenamed', { name: 'Ada' })], { expectedRevision: 'no_stream' });
    for (let n = 0; n < FILLER; n += 200) {
      const batch = Array.from({ length: 200 }, (_, i) =>
        event('FillerRecorded', { n: n + i }, { recordedAt: '2026-04-01T00:00:00.000Z' }),
      );
      await store.append('filler-1', batch, { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) });
    }
    const penalty = { penaltyId: 'pen-1', kind: 'fine', imposedOn: '2026-04-01', reason: 'Late filing' };
    await store.append(
      'exporter-exp-2',
      [event('ExporterPenalised', { exporterId: 'exp-2', ...penalty, recordedOn: '2026-04-01' })],
      { expectedRevision: 'no_stream' },
    );
    everything = await store.readAll({ maxCount: 100_000, raw: true });
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('one stream, a page at a time', () => {
    it('pages forwards with the next revision, and null once the stream ends', async () => {
      const first = await readStreamPage(store, EXPORTER, { limit: 2 });
      expect(first).toMatchObject({ streamId: EXPORTER, direction: 'forwards', nextRevision: 2 });
      expect(first.events.map((e) => e.revision)).toEqual([0, 1]);
      const second = await readStreamPage(store, EXPORTER, { limit: 2, fromRevision: first.nextRevision ?? -1 });
      expect(second.events.map((e) => e.type)).toEqual(['QualifiedForGeneralLicenses']);
      expect(second.nextRevision).toBeNull();
      // A page that ends exactly at the stream's end says so.
      expect((await readStreamPage(store, EXPORTER, { limit: 3 })).nextRevision).toBeNull();
    });

    it('pages backwards from the last event by default, or from a revision', async () => {
      const newest = await readStreamPage(store, EXPORTER, { direction: 'backwards', limit: 2 });
      expect(newest.events.map((e) => e.revision)).toEqual([2, 1]);
      expect(newest.nextRevision).toBe(0);
      const oldest = await readStreamPage(store, EXPORTER, { direction: 'backwards', fromRevision: 0 });
      expect(oldest.events.map((e) => e.revision)).toEqual([0]);
      expect(oldest.nextRevision).toBeNull();
      const pastTheEnd = await readStreamPage(store, EXPORTER, { direction: 'backwards', fromRevision: 99 });
      expect(pastTheEnd.events.map((e) => e.revision)).toEqual([2, 1, 0]);
    });

    it('answers whole envelopes, JSON-safe, whose hashes recompute from what they carry', async () => {
      const page = await readStreamPage(store, EXPORTER);
      expect(throughJson(page)).toEqual(page);
      const [registered] = page.events as [EventEnvelopeJson];
      expect(registered).toEqual({
        id: expect.any(String),
        type: 'ExporterRegistered',
        version: 1,
        streamId: EXPORTER,
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        data: exporterEvents[0]?.data,
        metadata: {
          ...fixedMetadata(),
          recordedAt: RECORDED[0],
          issuer: 'https://issuer.test',
          exporterIds: ['exp-1'],
        },
        integrity: { prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      for (const envelope of page.events) {
        const stored = everything.find((e) => e.id === envelope.id) as RecordedEvent;
        expect(envelope.position).toBe(stored.position.toString());
        expect(hashEvent(envelope.integrity.prevHash, { ...envelope, revision: BigInt(envelope.revision) })).toBe(
          envelope.integrity.hash,
        );
      }
      expect(page.events[1]?.integrity.prevHash).toBe(registered.integrity.hash);
    });

    it('shows the events as stored, never upcast', async () => {
      const page = await readStreamPage(store, 'contract-1');
      expect(page.events.map(({ version, data }) => ({ version, data }))).toEqual([
        { version: 1, data: { name: 'Ada' } },
      ]);
      const upcast = await store.readStream('contract-1');
      expect(upcast[0]).toMatchObject({ version: 3, data: { fullName: 'Ada', source: 'upcast' } });
    });

    it('reads a stream that does not exist, or past its end, as an empty last page', async () => {
      expect(await readStreamPage(store, 'license-nothing')).toEqual({
        streamId: 'license-nothing',
        direction: 'forwards',
        events: [],
        nextRevision: null,
      });
      expect((await readStreamPage(store, EXPORTER, { fromRevision: 3 })).events).toEqual([]);
      const far = { fromRevision: Number.MAX_SAFE_INTEGER, limit: 1000 };
      expect((await readStreamPage(store, EXPORTER, far)).events).toEqual([]);
      expect((await readStreamPage(store, EXPORTER, { ...far, direction: 'backwards' })).events).toHaveLength(3);
    });

    it('refuses a limit outside 1..1000 and a negative revision', async () => {
      for (const limit of [0, 1001, 1.5])
        await expect(readStreamPage(store, EXPORTER, { limit })).rejects.toThrow(RangeError);
      await expect(readStreamPage(store, EXPORTER, { fromRevision: -1 })).rejects.toThrow(RangeError);
    });
  });

  describe('$all, filtered, a bounded page at a time', () => {
    /** Reads every page from the start; the pages' events, and how many pages it took. */
    async function readThrough(request: Parameters<typeof readAllPage>[1] = {}) {
      const events: EventEnvelopeJson[] = [];
      let pages = 0;
      let fromPosition: bigint | undefined = request.fromPosition;
      for (;;) {
        const page = await readAllPage(store, { ...request, ...(fromPosition === undefined ? {} : { fromPosition }) });
        pages += 1;
        events.push(...page.events);
        if (page.nextPosition === null) return { events, pages };
        fromPosition = BigInt(page.nextPosition);
      }
    }

    it('pages through the whole log in order, as stored, 100 at a time by default', async () => {
      const first = await readAllPage(store);
      expect(first.events).toHaveLength(100);
      expect(first.nextPosition).toBe((everything[99]!.position + 1n).toString());
      const { events, pages } = await readThrough({ limit: 1000 });
      expect(events.map((e) => e.id)).toEqual(everything.map((e) => e.id));
      expect(pages).toBe(Math.ceil(everything.length / 1000));
      expect(events.find((e) => e.streamId === 'contract-1')).toMatchObject({ version: 1, data: { name: 'Ada' } });
    });

    it('starts at a position, inclusive, and answers null at the end', async () => {
      const last = everything.at(-1) as RecordedEvent;
      const page = await readAllPage(store, { fromPosition: last.position });
      expect(page.events.map((e) => e.id)).toEqual([last.id]);
      expect(page.nextPosition).toBeNull();
      expect(await readAllPage(store, { fromPosition: last.position + 1n })).toEqual({
        events: [],
        nextPosition: null,
      });
    });

    it('filters by stream prefix and event type', async () => {
      const exporters = await readThrough({ streamPrefix: 'exporter-' });
      expect(exporters.events.map((e) => e.streamId)).toEqual([EXPORTER, EXPORTER, EXPORTER, 'exporter-exp-2']);
      const certified = await readThrough({ eventType: 'ComplianceProgrammeCertified' });
      expect(certified.events.map((e) => e.revision)).toEqual([1]);
      const both = await readThrough({ streamPrefix: 'exporter-exp-2', eventType: 'ExporterPenalised' });
      expect(both.events).toHaveLength(1);
      expect((await readThrough({ streamPrefix: 'control-measure-no-57-' })).events.map((e) => e.type)).toEqual(
        everything.filter((e) => e.streamId === 'control-measure-no-57-2025').map((e) => e.type),
      );
    });

    it('filters by recorded time, from inclusive to exclusive, comparing instants rather than strings', async () => {
      // `…09:00:00Z` is the instant `…09:00:00.000Z` was recorded at.
      const window = await readThrough({
        streamPrefix: 'exporter-',
        recordedFrom: '2026-02-10T09:00:00Z',
        recordedTo: '2026-03-10T09:00:00Z',
      });
      expect(window.events.map((e) => e.metadata.recordedAt)).toEqual([RECORDED[1]]);
      const seeded = await readThrough({ recordedTo: '2025-01-01T00:00:00Z' });
      expect(seeded.events.length).toBeGreaterThan(0);
      expect(seeded.events.every((e) => e.streamId.startsWith('control-measure-'))).toBe(true);
    });

    it('bounds the work of a sparse filter: a short page with a cursor, until the scan reaches the end', async () => {
      // limit 1 examines at most 1000 events; the log holds more, and the one match is near its end.
      const first = await readAllPage(store, { limit: 1, eventType: 'ExporterPenalised' });
      expect(first.events).toEqual([]);
      expect(first.nextPosition).toBe((everything[999]!.position + 1n).toString());
      const { events, pages } = await readThrough({ limit: 1, eventType: 'ExporterPenalised' });
      expect(events.map((e) => e.streamId)).toEqual(['exporter-exp-2']);
      expect(pages).toBe(2);
      // Nothing matches: still bounded, still ends.
      expect((await readThrough({ limit: 1, eventType: 'NeverRecorded' })).pages).toBe(
        Math.ceil(everything.length / 1000),
      );
    });

    it('continues after the last event of a full page, and knows when that event was the last of the log', async () => {
      const page = await readAllPage(store, { limit: 2, streamPrefix: 'exporter-exp-1' });
      expect(page.events.map((e) => e.revision)).toEqual([0, 1]);
      expect(page.nextPosition).toBe((BigInt(page.events[1]!.position) + 1n).toString());
      const nearTheEnd = everything.at(-5)!.position;
      const lastOfLog = await readAllPage(store, {
        fromPosition: nearTheEnd,
        limit: 1,
        streamPrefix: 'exporter-exp-2',
      });
      expect(lastOfLog.events).toHaveLength(1);
      expect(lastOfLog.nextPosition).toBeNull();
    });

    it('refuses a limit outside 1..1000, a negative position and a time that is not an instant', async () => {
      await expect(readAllPage(store, { limit: 0 })).rejects.toThrow(RangeError);
      await expect(readAllPage(store, { fromPosition: -1n })).rejects.toThrow(RangeError);
      await expect(readAllPage(store, { recordedFrom: 'yesterday' })).rejects.toThrow(RangeError);
    });
  });

  describe('time travel: an aggregate at a revision or an instant', () => {
    it('folds the stream up to a revision with its decider', async () => {
      const first = await stateAt(store, EXPORTER, { revision: 0 });
      expect(first).toEqual({
        streamId: EXPORTER,
        aggregate: 'exporter',
        revision: 0,
        recordedAt: RECORDED[0],
        state: {
          status: 'registered',
          exporter: expect.objectContaining({ exporterId: 'exp-1', complianceProgramme: null }),
        },
      });
      const certified = await stateAt(store, EXPORTER, { revision: 1 });
      expect(certified?.state).toMatchObject({
        status: 'registered',
        exporter: { complianceProgramme: { certificateRef: 'ICP-2026-07' } },
      });
      expect((await stateAt(store, EXPORTER, { revision: 2 }))?.state).toMatchObject({ status: 'qualified' });
      expect(throughJson(certified)).toEqual(certified);
    });

    it('answers null for a revision the stream has not reached, and for a stream that does not exist', async () => {
      expect(await stateAt(store, EXPORTER, { revision: 3 })).toBeNull();
      expect(await stateAt(store, EXPORTER, { revision: Number.MAX_SAFE_INTEGER })).toBeNull();
      expect(await stateAt(store, 'license-nothing', { revision: 0 })).toBeNull();
      expect(await stateAt(store, 'application-nothing', { at: '2030-01-01T00:00:00Z' })).toBeNull();
    });

    it('answers the state as recorded by an instant: the events recorded at or before it', async () => {
      expect(await stateAt(store, EXPORTER, { at: '2026-01-10T08:59:59.999Z' })).toBeNull();
      expect(await stateAt(store, EXPORTER, { at: '2026-01-10T09:00:00Z' })).toMatchObject({ revision: 0 });
      const february = await stateAt(store, EXPORTER, { at: '2026-03-01T00:00:00Z' });
      expect(february).toMatchObject({ revision: 1, recordedAt: RECORDED[1], state: { status: 'registered' } });
      expect(await stateAt(store, EXPORTER, { at: '2030-01-01T00:00:00Z' })).toMatchObject({ revision: 2 });
    });

    it("folds a measure's policy history as it was known, with the control-measure decider", async () => {
      const seeds = rareEarthPolicyHistory().filter((seed) => seed.streamId === 'control-measure-no-57-2025');
      expect(seeds.length).toBeGreaterThan(1);
      for (const [revision, seed] of seeds.entries()) {
        const known = seeds.slice(0, revision + 1).map((s) => ControlMeasureEvent.parse(s.event));
        expect(await stateAt(store, seed.streamId, { at: seed.metadata.recordedAt })).toEqual({
          streamId: seed.streamId,
          aggregate: 'control_measure',
          revision,
          recordedAt: seed.metadata.recordedAt,
          state: fold(controlMeasureDecider, known),
        });
      }
    });

    it('refuses a stream no aggregate owns, as not found, naming the prefixes that are', async () => {
      const refusal = stateAt(store, 'contract-1', { revision: 0 });
      await expect(refusal).rejects.toThrow(NotAnAggregateStream);
      await expect(refusal).rejects.toThrow(NotFoundError);
      await expect(refusal).rejects.toMatchObject({
        code: 'audit.not_an_aggregate_stream',
        kind: 'not_found',
        details: { prefixes: ['exporter-', 'application-', 'license-', 'control-measure-', 'announcement-'] },
      });
      await expect(stateAt(store, 'license-', { revision: 0 })).rejects.toThrow(NotAnAggregateStream);
    });

    it('picks the decider by the prefix the domain gives each aggregate', () => {
      const names = [
        'exporter-a',
        'application-a',
        'license-L-a',
        'control-measure-no-57-2025',
        'announcement-no-70-2025',
      ].map((streamId) => aggregateOfStream(streamId).name);
      expect(names).toEqual(['exporter', 'application', 'license', 'control_measure', 'announcement']);
    });
  });
});
