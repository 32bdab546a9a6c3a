import Database from 'better-sqlite3';
import {
  type Actor,
  ExporterEvent,
  exporterDecider,
  scopeFor,
  type ScopePredicate,
  fold,
  policySnapshot,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../document-store';
import { ProjectionRunner } from '../projection-runner';
import { ExporterViewQuery } from './exporter-view/exporter-view-query';
import { readModelProjections } from './index';
import { LicenseStateQuery } from './license-state/license-state-query';
import { RuleHistoryQuery } from './rule-history/rule-history-query';
import { at, type DecidedEvent, meta, toProposed } from './testing/decided-events';
import { EXPORTER, licensingStory } from './testing/licensing-story';
import { seededAnnouncements, seededPolicy } from './testing/policy-seed';

const KNOWN_NOW = '2026-11-23T00:00:00.000Z';
/** A reader whose data scope is everything (an officer, an auditor). */
const everything: ScopePredicate = () => true;

async function appendInOrder(store: EventStore, events: readonly DecidedEvent[]): Promise<bigint> {
  const revisions = new Map<string, bigint>();
  let last = 0n;
  for (const event of events) {
    const previous = revisions.get(event.streamId);
    const result = await store.append(event.streamId, [toProposed(event)], {
      expectedRevision: previous ?? 'no_stream',
    });
    revisions.set(event.streamId, result.nextExpectedRevision);
    last = result.position;
  }
  return last;
}

describe('read models over a real SQLite event store', () => {
  let dir: string;
  let store: EventStore;
  let db: Database.Database;
  let documents: DocumentStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-models-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 10 });
    db = new Database(join(dir, 'read.sqlite'));
    documents = new DocumentStore(db);
    runner = new ProjectionRunner(store, documents, readModelProjections(), {
      now: () => '2026-11-23T00:00:00.000Z',
      retryBackoff: { initialDelayMs: 10 },
    });
    await appendInOrder(store, [...seededPolicy(), ...seededAnnouncements(), ...licensingStory().events]);
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('license state', () => {
    const query = () => new LicenseStateQuery(documents);

    it('answers for one application, with its decision and license', () => {
      const app = query().application('app-1', '2026-03-15', everything);
      expect(app).toMatchObject({
        status: 'approved',
        licenseId: 'lic-1',
        reviewerId: 'reviewer-1',
        reviewDeadline: '2026-03-11',
      });
      expect(app?.decision?.measuresApplied.map((m) => m.measureId)).toContain('no-18-2025');
      expect(query().application('app-404', '2026-03-15', everything)).toBeNull();
    });

    it('reports the license status on each date: suspended, suspension lapsed, expired', () => {
      expect(query().license('lic-1', '2026-03-31', everything)).toMatchObject({
        status: 'suspended',
        revision: 2,
        items: [expect.objectContaining({ remaining: 70 })],
      });
      expect(query().license('lic-1', '2026-04-01', everything)).toMatchObject({
        status: 'active',
        recordedStatus: 'suspended',
      });
      expect(query().license('lic-1', '2026-07-01', everything)).toMatchObject({
        status: 'expired',
        recordedStatus: 'suspended',
      });
      expect(query().license('lic-1', '2026-03-31', everything)?.decision?.outcome).toBe('approved');
    });

    it('names what a scheduler must still record: licenses past validity, cases past their review deadline', () => {
      expect(query().licensesDueForExpiry('2026-06-30')).toEqual([]);
      expect(query().licensesDueForExpiry('2026-07-01')).toEqual(['lic-1']);
      expect(query().applicationsDueForMissedDeadline('2026-04-06')).toEqual([]);
      expect(query().applicationsDueForMissedDeadline('2026-04-07')).toEqual(['app-2']);
    });

    it('lists licenses and applications by exporter and effective status', () => {
      expect(
        query()
          .licenses({ scope: everything, asOf: '2026-07-01', status: 'expired' })
          .map((l) => l.id),
      ).toEqual(['lic-1']);
      expect(query().licenses({ scope: everything, asOf: '2026-05-01', status: 'expired' })).toEqual([]);
      expect(query().licenses({ scope: everything, asOf: '2026-05-01', exporterId: 'exp-2' })).toEqual([]);
      expect(
        query()
          .applications({ scope: everything, asOf: '2026-04-06', exporterId: 'exp-1' })
          .map((a) => [a.id, a.status]),
      ).toEqual([
        ['app-1', 'approved'],
        ['app-2', 'accepted'],
        ['app-3', 'withdrawn'],
      ]);
      expect(
        query()
          .applications({ scope: everything, asOf: '2026-04-07', status: 'deadline_missed' })
          .map((a) => a.id),
      ).toEqual(['app-2']);
    });

    it("shows a reader only the cases in their data scope, and another's as if they did not exist", () => {
      const own = { id: 'li.wei', role: 'exporter' as const, exporterIds: [EXPORTER] };
      const other = { id: 'wu.hao', role: 'exporter' as const, exporterIds: ['exp-2'] };
      const reviewer = { id: 'reviewer-1', role: 'reviewer' as const };
      const applicationIds = (actor: Actor) =>
        query()
          .applications({ asOf: '2026-04-06', scope: scopeFor('ListApplications', actor) })
          .map((a) => a.id);
      expect(applicationIds(own)).toEqual(['app-1', 'app-2', 'app-3']);
      expect(applicationIds(other)).toEqual([]);
      expect(applicationIds(reviewer)).toEqual(['app-1']);
      expect(applicationIds({ id: 'reviewer-2', role: 'reviewer' })).toEqual([]);
      expect(query().application('app-1', '2026-04-06', scopeFor('GetApplication', other))).toBeNull();
      expect(query().application('app-2', '2026-04-06', scopeFor('GetApplication', reviewer))).toBeNull();
      expect(query().license('lic-1', '2026-04-06', scopeFor('GetLicense', own))?.id).toBe('lic-1');
      expect(query().license('lic-1', '2026-04-06', scopeFor('GetLicense', other))).toBeNull();
      expect(query().licenses({ asOf: '2026-04-06', scope: scopeFor('ListLicenses', other) })).toEqual([]);
      const exporters = new ExporterViewQuery(documents);
      expect(exporters.get(EXPORTER, '2026-04-06', scopeFor('GetExporter', own))?.exporterId).toBe(EXPORTER);
      expect(exporters.get(EXPORTER, '2026-04-06', scopeFor('GetExporter', other))).toBeNull();
    });

    it('refuses a date that is not a legal date', () => {
      expect(() => query().license('lic-1', '01/07/2026', everything)).toThrow(/Invalid ISO date/);
    });
  });

  describe('rule history', () => {
    const query = () => new RuleHistoryQuery(documents);
    const ids = (measures: readonly { measureId: string }[]) => measures.map((m) => m.measureId);

    it('lists every measure with a recorded event, by id', () => {
      expect(query().measureIds()).toEqual([...new Set(rareEarthPolicyHistory().map((e) => e.measureId))].sort());
    });

    it('knows No. 57 was suspended on 2026-03-01 and in force again on 2026-11-20', () => {
      expect(ids(query().measuresInForce('2026-03-01', KNOWN_NOW))).toEqual([
        'export-control-law',
        'no-18-2025',
        'no-70-2025',
        'no-72-2025',
        'state-council-order-792',
      ]);
      expect(ids(query().measuresInForce('2026-11-20', KNOWN_NOW))).toEqual(
        expect.arrayContaining(['no-18-2025', 'no-57-2025', 'no-61-2025']),
      );
      expect(
        query()
          .snapshot('2026-03-01', KNOWN_NOW)
          .measures.find((m) => m.measureId === 'no-57-2025'),
      ).toMatchObject({
        status: 'suspended',
        suspendedBy: ['no-70-2025'],
        version: 2,
      });
    });

    it('gives the history of No. 57 as known now and as known before its suspension', () => {
      const now = query().history('no-57-2025', KNOWN_NOW);
      expect(now?.intervals.map((i) => [i.from, i.until, i.status])).toEqual([
        [null, '2025-10-09', 'not_yet_published'],
        ['2025-10-09', '2025-11-07', 'not_yet_in_force'],
        ['2025-11-07', '2026-11-10', 'suspended'],
        ['2026-11-10', null, 'in_force'],
      ]);
      expect(now?.events.map((e) => [e.event.type, e.recordedAt])).toEqual([
        ['MeasurePublished', '2025-10-08T16:00:00.000Z'],
        ['MeasureSuspended', '2025-11-06T16:00:00.000Z'],
      ]);
      // The suspension was one of No. 70's acts, as the seeded announcement records.
      expect(now?.events.map((e) => e.announcement)).toEqual([
        null,
        { announcementId: 'no-70-2025', actId: 'suspend-no-57-2025' },
      ]);
      const before = query().history('no-57-2025', '2025-10-20T00:00:00.000Z');
      expect(before?.events.map((e) => e.event.type)).toEqual(['MeasurePublished']);
      expect(before?.intervals.some((i) => i.status === 'suspended')).toBe(false);
      expect(query().history('no-57-2025', '2025-10-01T00:00:00.000Z')).toBeNull();
    });

    it('lists what we learned between two instants, in recorded order', () => {
      const changes = query().changesBetween('2025-11-01T00:00:00.000Z', '2025-11-10T00:00:00.000Z');
      expect(changes.map((e) => `${e.measureId}/${e.event.type}`)).toEqual([
        'no-55-2025/MeasureSuspended',
        'no-56-2025/MeasureSuspended',
        'no-57-2025/MeasureSuspended',
        'no-58-2025/MeasureSuspended',
        'no-61-2025/MeasureSuspended',
        'no-62-2025/MeasureSuspended',
        'no-70-2025/MeasurePublished',
        'no-46-2024/MeasureSuspended',
        'no-72-2025/MeasurePublished',
      ]);
    });

    it('answers exactly as the domain does over the seed itself', () => {
      const position = { validOn: '2026-01-20', knownAt: at('2026-01-20') };
      expect(query().snapshot(position.validOn, position.knownAt)).toEqual(
        policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), position),
      );
    });
  });

  describe('exporter view', () => {
    it("shows the profile and where each of the exporter's cases stands on a date", () => {
      const view = new ExporterViewQuery(documents).get('exp-1', '2026-04-07', everything);
      expect(view).toMatchObject({
        exporterId: 'exp-1',
        profile: { name: 'Ningbo Magnetics Co., Ltd.', complianceProgramme: { certificateRef: 'ICP-2025-0042' } },
        generalLicense: { status: 'not_qualified' },
        profileOn: { complianceProgrammeCertified: true, dualUseExportYears: 5, qualifiedForGeneralLicense: false },
        revision: 1,
      });
      expect(view?.applications.map((a) => [a.applicationId, a.status])).toEqual([
        ['app-1', 'approved'],
        ['app-2', 'deadline_missed'],
        ['app-3', 'withdrawn'],
      ]);
      expect(view?.licenses).toEqual([
        {
          licenseId: 'lic-1',
          applicationId: 'app-1',
          licenseType: 'individual',
          status: 'active',
          validUntil: '2026-06-30',
        },
      ]);
      expect(new ExporterViewQuery(documents).get('exp-404', '2026-04-07', everything)).toBeNull();
    });
  });

  it('follows live appends, then rebuilds to identical documents', async () => {
    const { position } = await store.append('exporter-exp-1', [toProposed(qualifiedEvent())], { expectedRevision: 1n });
    await runner.catchUp();
    expect(runner.status().every((status) => status.position !== null && status.position <= position)).toBe(true);
    expect(new ExporterViewQuery(documents).get('exp-1', '2026-04-07', everything)?.generalLicense).toEqual({
      status: 'qualified',
      since: '2026-04-02',
    });

    const names = readModelProjections().map((p) => p.name);
    const live = names.map((name) => documents.all(name));
    await runner.rebuild();
    expect(names.map((name) => documents.all(name))).toEqual(live);
    expect(live.map((docs) => docs.length)).toEqual([4, 12, 5, 12, 2]);
  });
});

/** The officer qualifies the exporter, decided by the real exporter decider on the story's history. */
function qualifiedEvent(): DecidedEvent {
  const history = licensingStory()
    .events.filter((e) => e.streamId === 'exporter-exp-1')
    .map((e) => ExporterEvent.parse({ type: e.type, schemaVersion: e.version, data: e.data }));
  const metadata = meta('2026-04-02', 'licensing_officer', 'officer-1');
  const [event] = exporterDecider.decide(
    { type: 'QualifyForGeneralLicenses', data: { exporterId: 'exp-1' }, metadata },
    fold(exporterDecider, history),
  );
  if (event === undefined) throw new Error('the exporter decider qualified nobody');
  const { actor, commandId, occurredAt } = metadata;
  return {
    streamId: 'exporter-exp-1',
    id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    type: event.type,
    version: event.schemaVersion,
    data: event.data,
    metadata: {
      actor: actor.id,
      role: actor.role,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt,
      recordedAt: occurredAt,
    },
  };
}
