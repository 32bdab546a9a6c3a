import { startOfLegalDate } from '../../shared/dates';
import { fold } from '../../shared/decider';
import { AnnouncementEvent, AnnouncementRecorded } from '../announcement/announcement-events';
import { announcementDecider } from '../announcement/announcement-decider';
import { measureCommandOf } from '../announcement/measure-command-of';
import { controlMeasureDecider } from '../measure-decider';
import { ControlMeasureEvent } from '../measure-events';
import { policySnapshot, RecordedPolicyEvent } from '../policy-snapshot';
import { rareEarthPolicyHistory } from './rare-earth-policy-history';
import { NO_70_SUSPENDED } from './suspension-measures';
import { rareEarthAnnouncements } from './seed-announcements';
import { SEED_ACTOR, toRecordedPolicyEvents } from './seed-policy-event';

const measures = rareEarthPolicyHistory();
const seed = rareEarthAnnouncements();
const recordedOf = (announcementId: string) =>
  seed.find((e) => e.announcementId === announcementId && e.event.type === 'AnnouncementRecorded')!
    .event as AnnouncementRecorded;

/**
 * The seeded policy with one announcement's changes taken out and made again
 * by its acts, as the process manager makes them: each act's measure command
 * decided by the measure's own decider on the stream as it stood, recorded on
 * the announcement's publication day.
 */
function policyMadeByActs(announcementId: string): RecordedPolicyEvent[] {
  const recorded = recordedOf(announcementId);
  const orderedByIt = (e: ControlMeasureEvent) => 'orderedBy' in e.data && e.data.orderedBy === announcementId;
  const before = toRecordedPolicyEvents(measures).filter((e) => !orderedByIt(e.event));
  const made = recorded.data.acts.map((act): RecordedPolicyEvent => {
    const stream = before.filter((e) => e.measureId === act.measureId).map((e) => e.event);
    const metadata = {
      commandId: act.actId,
      actor: { id: 'announcements', role: 'system' as const },
      occurredAt: startOfLegalDate(recorded.data.publishedOn),
    };
    const [event] = controlMeasureDecider.decide(
      measureCommandOf(recorded.data, act, metadata),
      fold(controlMeasureDecider, stream),
    );
    return { measureId: act.measureId, revision: stream.length, recordedAt: metadata.occurredAt, event: event! };
  });
  return [...before, ...made];
}

describe('No. 70 and No. 72 seeded as announcements', () => {
  it('records No. 70 as one announcement suspending the six measures of the October package', () => {
    const { data } = recordedOf('no-70-2025');
    expect(data).toMatchObject({
      number: 'No. 70 of 2025',
      issuer: 'MOFCOM',
      publishedOn: '2025-11-07',
      textRef: 'MOFCOM Announcement No. 70 of 2025',
    });
    expect(data.acts).toEqual(
      NO_70_SUSPENDED.map((measureId) => ({
        kind: 'suspend',
        actId: `suspend-${measureId}`,
        measureId,
        suspensionId: 'no-70-2025',
        from: '2025-11-07',
        until: '2026-11-10',
      })),
    );
    expect(recordedOf('no-72-2025').data.acts).toEqual([
      expect.objectContaining({ kind: 'suspend', measureId: 'no-46-2024', provisionIds: ['ga-ge-sb-superhard-us'] }),
    ]);
  });

  it('records every act applied, naming the seeded measure event it is', () => {
    const applied = seed.filter((e) => e.event.type === 'AnnouncementActApplied');
    expect(applied).toHaveLength(7);
    for (const { event } of applied) {
      if (event.type !== 'AnnouncementActApplied') continue;
      const change = measures.find((m) => m.eventId === event.data.eventId);
      expect(change).toMatchObject({ measureId: event.data.measureId, revision: event.data.revision });
      expect(change?.event.type).toBe(event.data.eventType);
    }
  });

  it('gives the same rule history as the measure events alone, at every date around the suspensions', () => {
    for (const announcementId of ['no-70-2025', 'no-72-2025']) {
      const made = policyMadeByActs(announcementId);
      const seeded = toRecordedPolicyEvents(measures);
      expect(made.map((e) => [e.measureId, e.revision, e.recordedAt, e.event]).sort()).toEqual(
        seeded.map((e) => [e.measureId, e.revision, e.recordedAt, e.event]).sort(),
      );
      for (const validOn of ['2025-11-06', '2025-11-07', '2025-11-09', '2026-03-01', '2026-11-10', '2026-11-27'])
        for (const knownAt of ['2025-11-06T00:00:00Z', '2025-11-08T00:00:00Z', '2026-11-23T00:00:00Z'])
          expect(policySnapshot(made, { validOn, knownAt })).toEqual(policySnapshot(seeded, { validOn, knownAt }));
    }
  });

  it('holds only events the announcement decider itself would record, by the seed on the publication day', () => {
    for (const announcementId of ['no-70-2025', 'no-72-2025']) {
      const stream = seed.filter((e) => e.announcementId === announcementId);
      expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
      const history: AnnouncementEvent[] = [];
      for (const { event, streamId, metadata } of stream) {
        expect(streamId).toBe(`announcement-${announcementId}`);
        expect(AnnouncementEvent.parse(event)).toEqual(event);
        expect(metadata).toMatchObject({
          actor: SEED_ACTOR,
          recordedAt: startOfLegalDate(recordedOf(announcementId).data.publishedOn),
        });
        const command =
          event.type === 'AnnouncementRecorded'
            ? { type: 'RecordAnnouncement' as const, data: event.data }
            : {
                type: 'RecordAnnouncementActOutcome' as const,
                data: { announcementId, actId: event.data.actId, outcome: outcomeOf(event) },
              };
        const decided = announcementDecider.decide(
          {
            ...command,
            metadata: { commandId: metadata.commandId, actor: SEED_ACTOR, occurredAt: metadata.occurredAt },
          },
          fold(announcementDecider, history),
        );
        expect(decided).toEqual([event]);
        history.push(event);
      }
    }
  });

  it('derives the same ids every time, unlike any measure event id', () => {
    expect(rareEarthAnnouncements().map((e) => e.eventId)).toEqual(seed.map((e) => e.eventId));
    const ids = new Set([...seed, ...measures].map((e) => e.eventId));
    expect(ids.size).toBe(seed.length + measures.length);
  });
});

function outcomeOf(event: AnnouncementEvent) {
  if (event.type !== 'AnnouncementActApplied') throw new Error(`not an applied act: ${event.type}`);
  const { eventId, eventType, revision } = event.data;
  return { state: 'applied' as const, eventId, eventType, revision };
}
