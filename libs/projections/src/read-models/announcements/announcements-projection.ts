import { type AnnouncementAct, AnnouncementEvent, assertNever, type Instant, type LegalDate } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import type { Projection } from '../../projection';
import { idInStream, parseDomainEvent } from '../parse-event';

/** Where one act stands: not applied yet, applied to its measure, or refused by it for good. */
export type ActState = 'pending' | 'applied' | 'refused';

export interface AnnouncementActView {
  readonly act: AnnouncementAct;
  readonly state: ActState;
  /** The change the act made: the event its measure recorded (applied only). */
  readonly measureEvent: { readonly eventId: string; readonly type: string; readonly revision: number } | null;
  /** The measure's refusal, as its decider worded it (refused only). */
  readonly refusal: { readonly code: string; readonly reason: string } | null;
  /** When the outcome was recorded; null while pending. */
  readonly settledAt: Instant | null;
}

/** One document per announcement: what it says and how each of its acts went. */
export interface AnnouncementDocument {
  readonly announcementId: string;
  readonly number: string;
  readonly issuer: string;
  readonly publishedOn: LegalDate;
  readonly textRef: string;
  /** When the announcement was recorded, and by whom. */
  readonly recordedAt: Instant;
  readonly recordedBy: string;
  readonly acts: readonly AnnouncementActView[];
  /** The revision of the announcement stream last applied. */
  readonly revision: number;
}

export const ANNOUNCEMENTS = 'announcements';
const PREFIX = 'announcement-';

const pending = (act: AnnouncementAct): AnnouncementActView => ({
  act,
  state: 'pending',
  measureEvent: null,
  refusal: null,
  settledAt: null,
});

function settle(doc: AnnouncementDocument, actId: string, settled: Omit<AnnouncementActView, 'act'>) {
  return doc.acts.map((view) => (view.act.actId === actId ? { act: view.act, ...settled } : view));
}

/** Each announcement, its acts and each act's state, from its own stream. */
export const announcementsProjection: Projection<AnnouncementDocument> = {
  name: ANNOUNCEMENTS,
  version: 1,
  filter: { streamPrefixes: [PREFIX] },
  keysOf: (event) => [idInStream(event.streamId, PREFIX)],
  evolve(doc, event) {
    const revision = Number(event.revision);
    if (doc !== null && revision <= doc.revision) return doc;
    const parsed = parseDomainEvent(ANNOUNCEMENTS, AnnouncementEvent, event);
    return evolveAnnouncement(doc, parsed, event, revision);
  },
};

function evolveAnnouncement(
  doc: AnnouncementDocument | null,
  parsed: AnnouncementEvent,
  event: RecordedEvent,
  revision: number,
): AnnouncementDocument | null {
  const at = event.metadata.recordedAt;
  switch (parsed.type) {
    case 'AnnouncementRecorded': {
      const { acts, ...facts } = parsed.data;
      return { ...facts, recordedAt: at, recordedBy: event.metadata.actor, acts: acts.map(pending), revision };
    }
    case 'AnnouncementActApplied': {
      if (doc === null) return doc;
      const { actId, eventId, eventType: type, revision: measureRevision } = parsed.data;
      const measureEvent = { eventId, type, revision: measureRevision };
      const acts = settle(doc, actId, { state: 'applied', measureEvent, refusal: null, settledAt: at });
      return { ...doc, acts, revision };
    }
    case 'AnnouncementActRefused': {
      if (doc === null) return doc;
      const { actId, code, reason } = parsed.data;
      const acts = settle(doc, actId, {
        state: 'refused',
        measureEvent: null,
        refusal: { code, reason },
        settledAt: at,
      });
      return { ...doc, acts, revision };
    }
    default:
      return assertNever(parsed, 'announcement event');
  }
}
