import type { RecordedPolicyEvent } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { type ActState, type AnnouncementDocument, ANNOUNCEMENTS } from './announcements-projection';

/** An announcement as the API answers it: its document, with where its acts stand as a whole. */
export interface AnnouncementView extends AnnouncementDocument {
  /** `pending` while any act is; then `settled` (each applied or refused). */
  readonly status: 'pending' | 'settled';
  readonly actCounts: Readonly<Record<ActState, number>>;
}

/** Which act of which announcement made a policy change. */
export interface AnnouncementLink {
  readonly announcementId: string;
  readonly actId: string;
}

/** A policy event with the announcement act that made it, if a recorded announcement did. */
export type LinkedPolicyEvent = RecordedPolicyEvent & { readonly announcement: AnnouncementLink | null };

export interface AnnouncementFilter {
  readonly status?: AnnouncementView['status'];
}

/**
 * Announcements are few (a handful a year), so every question reads all of
 * their documents; the rule history joins its changes to them here rather
 * than storing links in its own documents, which stay exactly the policy
 * log that decisions are evaluated against.
 */
export class AnnouncementsQuery {
  constructor(private readonly documents: DocumentStore) {}

  /** Newest publication first, then by id. */
  list(filter: AnnouncementFilter = {}): AnnouncementView[] {
    return this.documents
      .all<AnnouncementDocument>(ANNOUNCEMENTS)
      .map(viewOf)
      .filter((view) => filter.status === undefined || view.status === filter.status)
      .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.announcementId.localeCompare(b.announcementId));
  }

  get(announcementId: string): AnnouncementView | null {
    const doc = this.documents.get<AnnouncementDocument>(ANNOUNCEMENTS, announcementId);
    return doc === null ? null : viewOf(doc);
  }

  /** The announcements with acts not yet applied or refused: what the process manager has left to do. */
  pendingAnnouncementIds(): string[] {
    return this.list({ status: 'pending' }).map((view) => view.announcementId);
  }

  /** Each event with the act that made it: by its measure and place in the measure's stream. */
  linked(events: readonly RecordedPolicyEvent[]): LinkedPolicyEvent[] {
    const links = new Map<string, AnnouncementLink>();
    for (const doc of this.documents.all<AnnouncementDocument>(ANNOUNCEMENTS))
      for (const { act, measureEvent } of doc.acts)
        if (measureEvent !== null)
          links.set(changeKey(act.measureId, measureEvent.revision), {
            announcementId: doc.announcementId,
            actId: act.actId,
          });
    return events.map((e) => ({ ...e, announcement: links.get(changeKey(e.measureId, e.revision)) ?? null }));
  }
}

const changeKey = (measureId: string, revision: number) => `${measureId}#${revision}`;

function viewOf(doc: AnnouncementDocument): AnnouncementView {
  const actCounts = { pending: 0, applied: 0, refused: 0 };
  for (const { state } of doc.acts) actCounts[state] += 1;
  return { ...doc, status: actCounts.pending > 0 ? 'pending' : 'settled', actCounts };
}
