import {
  Instant,
  LegalDate,
  type MeasureInSnapshot,
  type MeasureInterval,
  measuresInForce,
  measureTimeline,
  policyChangesBetween,
  policySnapshot,
  type PolicySnapshot,
  recordedBy,
  type RecordedPolicyEvent,
} from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { AnnouncementsQuery, type LinkedPolicyEvent } from '../announcements/announcements-query';
import { type MeasureHistoryDocument, RULE_HISTORY } from './rule-history-projection';

export interface MeasureHistory {
  readonly measureId: string;
  readonly knownAt: Instant;
  /** The measure's life over valid time, as known at `knownAt`. */
  readonly intervals: readonly MeasureInterval[];
  /** The events known at `knownAt`, in stream order, each with when it was recorded and the announcement act that made it. */
  readonly events: readonly LinkedPolicyEvent[];
}

/**
 * Bitemporal questions about policy: valid time (when a rule applies in law)
 * and recorded time (when we learned it). Each answer is the domain's pure
 * function over the stored policy log, so it matches what a decision saw.
 */
export class RuleHistoryQuery {
  private readonly announcements: AnnouncementsQuery;

  constructor(private readonly documents: DocumentStore) {
    this.announcements = new AnnouncementsQuery(documents);
  }

  /** The whole policy log, e.g. for `evaluate()` to take a snapshot from. */
  policyEvents(): RecordedPolicyEvent[] {
    return this.documents.all<MeasureHistoryDocument>(RULE_HISTORY).flatMap((doc) => doc.events);
  }

  /** Every measure with a recorded event, by id (e.g. for a decision audit to read each measure's stream). */
  measureIds(): string[] {
    return this.documents.all<MeasureHistoryDocument>(RULE_HISTORY).map((doc) => doc.measureId);
  }

  measuresInForce(validOn: LegalDate, knownAt: Instant): MeasureInSnapshot[] {
    return measuresInForce(this.policyEvents(), LegalDate.parse(validOn), Instant.parse(knownAt));
  }

  snapshot(validOn: LegalDate, knownAt: Instant): PolicySnapshot {
    return policySnapshot(this.policyEvents(), { validOn: LegalDate.parse(validOn), knownAt: Instant.parse(knownAt) });
  }

  /** Null when no event of the measure was recorded by `knownAt`. */
  history(measureId: string, knownAt: Instant): MeasureHistory | null {
    const at = Instant.parse(knownAt);
    const doc = this.documents.get<MeasureHistoryDocument>(RULE_HISTORY, measureId);
    const events = (doc?.events ?? []).filter((e) => recordedBy(e, at));
    if (events.length === 0) return null;
    const intervals = measureTimeline(events, measureId, at);
    return { measureId, knownAt: at, intervals, events: this.announcements.linked(events) };
  }

  /** What we learned in (t1, t2], in recorded order, each change with the announcement act that made it. */
  changesBetween(t1: Instant, t2: Instant): LinkedPolicyEvent[] {
    return this.announcements.linked(policyChangesBetween(this.policyEvents(), Instant.parse(t1), Instant.parse(t2)));
  }
}
