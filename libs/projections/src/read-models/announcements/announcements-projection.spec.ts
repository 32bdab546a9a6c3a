import {
  type AnnouncementCommand,
  announcementDecider,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { DocumentStore } from '../../document-store';
import { applyProjection } from '../testing/apply-projection';
import { at, meta, StoryLog, toRecorded } from '../testing/decided-events';
import { seededAnnouncements, seededPolicy } from '../testing/policy-seed';
import { announcementsProjection } from './announcements-projection';
import { AnnouncementsQuery } from './announcements-query';
import Database from 'better-sqlite3';

/** No. 80 of 2026 (made up): extends No. 70's suspension of No. 57, and asks No. 18 for one it never had. */
function extensionStory(outcomes: 'none' | 'settled') {
  const log = new StoryLog();
  const stream = log.stream(announcementDecider, 'announcement-no-80-2026');
  const extend = (measureId: string) => ({
    kind: 'extend' as const,
    actId: `extend-${measureId}`,
    measureId,
    suspensionId: 'no-70-2025',
    until: '2027-11-10',
  });
  stream.run({
    type: 'RecordAnnouncement',
    data: {
      announcementId: 'no-80-2026',
      number: 'No. 80 of 2026',
      issuer: 'MOFCOM',
      publishedOn: '2026-11-05',
      textRef: 'MOFCOM Announcement No. 80 of 2026',
      acts: [extend('no-57-2025'), extend('no-18-2025'), extend('no-58-2025')],
    },
    metadata: meta('2026-11-05', 'policy_officer', 'he.lan'),
  });
  if (outcomes === 'settled') {
    const outcome = (actId: string, data: object): AnnouncementCommand =>
      ({
        type: 'RecordAnnouncementActOutcome',
        data: { announcementId: 'no-80-2026', actId, outcome: data },
        metadata: meta('2026-11-06', 'system', 'announcements'),
      }) as AnnouncementCommand;
    stream.run(
      outcome('extend-no-57-2025', { state: 'applied', eventId: 'e-57', eventType: 'SuspensionExtended', revision: 2 }),
    );
    stream.run(
      outcome('extend-no-18-2025', {
        state: 'refused',
        code: 'control_measure.unknown_suspension',
        reason: 'No. 18 of 2025 has no suspension no-70-2025.',
      }),
    );
  }
  return log.events;
}

const seeded = () => toRecorded([...seededPolicy(), ...seededAnnouncements()]);
const docs = (events: readonly RecordedEvent[]) => applyProjection(announcementsProjection, events);

describe('announcements projection', () => {
  it('shows No. 70 and No. 72 as seeded: every act applied, naming the measure event it made', () => {
    const all = docs(seeded());
    expect([...all.keys()].sort()).toEqual(['no-70-2025', 'no-72-2025']);
    const no70 = all.get('no-70-2025')!;
    expect(no70).toMatchObject({
      number: 'No. 70 of 2025',
      publishedOn: '2025-11-07',
      recordedAt: '2025-11-06T16:00:00.000Z',
      recordedBy: 'seed',
    });
    expect(no70.acts).toHaveLength(6);
    const no57 = no70.acts.find((view) => view.act.measureId === 'no-57-2025');
    const seededSuspension = rareEarthPolicyHistory().find(
      (e) => e.measureId === 'no-57-2025' && e.event.type === 'MeasureSuspended',
    );
    expect(no57).toEqual({
      act: expect.objectContaining({ kind: 'suspend', actId: 'suspend-no-57-2025', until: '2026-11-10' }),
      state: 'applied',
      measureEvent: { eventId: seededSuspension?.eventId, type: 'MeasureSuspended', revision: 1 },
      refusal: null,
      settledAt: '2025-11-06T16:00:00.000Z',
    });
  });

  it('keeps acts pending until their outcome, then applied with the event or refused with the reason', () => {
    const recordedOnly = docs(toRecorded(extensionStory('none'))).get('no-80-2026')!;
    expect(recordedOnly.acts.map((view) => view.state)).toEqual(['pending', 'pending', 'pending']);
    const settled = docs(toRecorded(extensionStory('settled'))).get('no-80-2026')!;
    expect(settled.acts.map((view) => [view.act.actId, view.state, view.settledAt])).toEqual([
      ['extend-no-57-2025', 'applied', at('2026-11-06')],
      ['extend-no-18-2025', 'refused', at('2026-11-06')],
      ['extend-no-58-2025', 'pending', null],
    ]);
    expect(settled.acts[1]?.refusal).toEqual({
      code: 'control_measure.unknown_suspension',
      reason: 'No. 18 of 2025 has no suspension no-70-2025.',
    });
  });

  it('applies an event it already holds only once', () => {
    const events = toRecorded(extensionStory('settled'));
    const doc = docs(events).get('no-80-2026') ?? null;
    expect(announcementsProjection.evolve(doc, events[1]!, 'no-80-2026')).toBe(doc);
  });
});

describe('announcements query', () => {
  let db: Database.Database;
  let query: AnnouncementsQuery;

  beforeEach(() => {
    db = new Database(':memory:');
    const documents = new DocumentStore(db);
    for (const [id, doc] of docs([...seeded(), ...toRecorded(extensionStory('settled'))]))
      documents.put(announcementsProjection.name, id, doc);
    query = new AnnouncementsQuery(documents);
  });
  afterEach(() => db.close());

  it('lists the newest publication first, with where the acts stand, and filters by status', () => {
    expect(query.list().map((view) => [view.announcementId, view.status, view.actCounts])).toEqual([
      ['no-80-2026', 'pending', { pending: 1, applied: 1, refused: 1 }],
      ['no-72-2025', 'settled', { pending: 0, applied: 1, refused: 0 }],
      ['no-70-2025', 'settled', { pending: 0, applied: 6, refused: 0 }],
    ]);
    expect(query.list({ status: 'settled' }).map((view) => view.announcementId)).toEqual(['no-72-2025', 'no-70-2025']);
    expect(query.pendingAnnouncementIds()).toEqual(['no-80-2026']);
    expect(query.get('no-70-2025')?.status).toBe('settled');
    expect(query.get('no-99-2099')).toBeNull();
  });

  it('links each policy change to the act that made it, and nothing else to any', () => {
    const no57 = toRecordedPolicyEvents(rareEarthPolicyHistory()).filter((e) => e.measureId === 'no-57-2025');
    expect(query.linked(no57).map((e) => [e.event.type, e.announcement])).toEqual([
      ['MeasurePublished', null],
      ['MeasureSuspended', { announcementId: 'no-70-2025', actId: 'suspend-no-57-2025' }],
    ]);
  });
});
