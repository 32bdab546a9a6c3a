import { ControlMeasureEvent, type RecordedPolicyEvent } from '@licensing/domain';
import type { Projection } from '../../projection';
import { idInStream, parseDomainEvent } from '../parse-event';

/** One document per control measure: its whole stream, with when we learned each event. */
export interface MeasureHistoryDocument {
  readonly measureId: string;
  /** In stream order. */
  readonly events: readonly RecordedPolicyEvent[];
}

export const RULE_HISTORY = 'rule-history';
const PREFIX = 'control-measure-';

/**
 * Stores the policy log in the shape the domain's bitemporal functions take,
 * so every question is answered by those functions and none is re-derived
 * here. Recorded time is the envelope's `recordedAt`, never the payload.
 */
export const ruleHistoryProjection: Projection<MeasureHistoryDocument> = {
  name: RULE_HISTORY,
  version: 1,
  filter: { streamPrefixes: [PREFIX] },
  keysOf: (event) => [idInStream(event.streamId, PREFIX)],
  evolve(doc, event, measureId) {
    const revision = Number(event.revision);
    const events = doc?.events ?? [];
    if (events.some((e) => e.revision === revision)) return doc;
    const parsed = parseDomainEvent(RULE_HISTORY, ControlMeasureEvent, event);
    const recorded: RecordedPolicyEvent = { measureId, revision, recordedAt: event.metadata.recordedAt, event: parsed };
    return { measureId, events: [...events, recorded] };
  },
};
