import { startOfLegalDate } from '../../shared/dates';
import { Actor, Instant } from '../../shared/metadata';
import { AnnouncementAct, AnnouncementActKind, MEASURE_EVENT_OF_ACT } from '../announcement/announcement-acts';
import { AnnouncementEvent, announcementStreamId } from '../announcement/announcement-events';
import { rareEarthPolicyHistory } from './rare-earth-policy-history';
import { deterministicUuid } from './seed-event-id';
import { SEED_ACTOR, SeedPolicyEvent } from './seed-policy-event';

/** An announcement event ready to append, like a seeded measure event. */
export interface SeedAnnouncementEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly announcementId: string;
  readonly revision: number;
  readonly event: AnnouncementEvent;
  readonly metadata: {
    readonly actor: Actor;
    readonly commandId: string;
    readonly occurredAt: Instant;
    readonly recordedAt: Instant;
  };
}

/** The announcements of the seed: each was published as a provision-less measure, and ordered changes to others. */
export const SEEDED_ANNOUNCEMENTS = ['no-70-2025', 'no-72-2025'] as const;

const KIND_OF_EVENT = Object.fromEntries(
  Object.entries(MEASURE_EVENT_OF_ACT).map(([kind, type]) => [type, kind as AnnouncementActKind]),
) as Partial<Record<string, AnnouncementActKind>>;

/**
 * No. 70 and No. 72 as announcements, backfilled from the measure events the
 * seed has always recorded. The measure events stay exactly as they were,
 * so the bitemporal history is today's to the byte; the announcement stream
 * says what ordered them: `AnnouncementRecorded` with one act per change the
 * announcement ordered, then one `AnnouncementActApplied` per act naming that
 * change, all recorded on the publication day, when the changes themselves
 * were. (Appended after the measure streams; `$all` order says nothing about
 * valid or recorded time, the envelope's `recordedAt` does.)
 */
export function rareEarthAnnouncements(
  measures: readonly SeedPolicyEvent[] = rareEarthPolicyHistory(),
): SeedAnnouncementEvent[] {
  return SEEDED_ANNOUNCEMENTS.flatMap((announcementId) => announcementEvents(announcementId, measures));
}

function announcementEvents(announcementId: string, measures: readonly SeedPolicyEvent[]): SeedAnnouncementEvent[] {
  const publication = measures.find(
    (seed) => seed.measureId === announcementId && seed.event.type === 'MeasurePublished',
  )?.event;
  if (publication?.type !== 'MeasurePublished') throw new Error(`The seed publishes no measure ${announcementId}`);
  const { announcementNumber: number, issuer, publishedOn } = publication.data;
  const ordered = measures.flatMap((seed) => {
    const kind = KIND_OF_EVENT[seed.event.type];
    const data = seed.event.data as { orderedBy?: string };
    return kind !== undefined && data.orderedBy === announcementId ? [{ seed, kind }] : [];
  });
  const acts = ordered.map(({ seed, kind }) => actOf(kind, seed));
  const events: AnnouncementEvent[] = [
    {
      type: 'AnnouncementRecorded',
      schemaVersion: 1,
      data: { announcementId, number, issuer, publishedOn, textRef: `${issuer} Announcement ${number}`, acts },
    },
    ...ordered.map(({ seed }, i): AnnouncementEvent => {
      const { actId } = acts[i]!;
      const applied = { eventId: seed.eventId, eventType: seed.event.type, revision: seed.revision };
      return {
        type: 'AnnouncementActApplied',
        schemaVersion: 1,
        data: { announcementId, actId, measureId: seed.measureId, ...applied },
      };
    }),
  ];
  const streamId = announcementStreamId(announcementId);
  const at = startOfLegalDate(publishedOn);
  return events.map((event, revision) => {
    const name = `${streamId}/${revision}/${event.type}`;
    const metadata = { actor: SEED_ACTOR, commandId: `seed:${name}`, occurredAt: at, recordedAt: at };
    return { eventId: deterministicUuid(name), streamId, announcementId, revision, event, metadata };
  });
}

/** The act a seeded change was: its data without `orderedBy`, named after its kind and measure. */
function actOf(kind: AnnouncementActKind, seed: SeedPolicyEvent): AnnouncementAct {
  const { orderedBy: _orderedBy, ...data } = seed.event.data as { orderedBy: string };
  return AnnouncementAct.parse({ ...data, kind, actId: `${kind}-${seed.measureId}` });
}
