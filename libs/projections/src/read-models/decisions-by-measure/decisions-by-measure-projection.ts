import {
  AmendmentApproved,
  AmendmentRejected,
  ApplicationApproved,
  ApplicationRejected,
  type DecisionRecord,
  type Instant,
  type LegalDate,
  type MeasureStatusOnDate,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { z } from 'zod';
import type { Projection } from '../../projection';
import { parseDomainEvent } from '../parse-event';
import { decisionsByMeasureIndex } from './decisions-by-measure-index';

/** One decision that evaluated one measure: which version, whether it applied, when it was taken. */
export interface DecisionUsingMeasure {
  /** The application decided, or the one the amended license was issued on. */
  readonly applicationId: string;
  /** An amendment request's decision: its license and request; null for an application's decision. */
  readonly licenseId: string | null;
  readonly amendmentRequestId: string | null;
  readonly exporterId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly measureId: string;
  /** The measure's version the decision evaluated (the number of its events known then). */
  readonly version: number;
  readonly status: MeasureStatusOnDate;
  /** Did the measure control an item or party of the application? Recorded either way. */
  readonly applies: boolean;
  readonly validOn: LegalDate;
  readonly knownAt: Instant;
  /** When the decision event was recorded (the envelope's recordedAt). */
  readonly decidedAt: Instant;
  /** The decision event's `$all` position, as a decimal string. */
  readonly position: string;
}

export const DECISIONS_BY_MEASURE = 'decisions-by-measure';

const DecisionEvent = z.discriminatedUnion('type', [
  ApplicationApproved,
  ApplicationRejected,
  AmendmentApproved,
  AmendmentRejected,
]);
type DecisionEvent = z.infer<typeof DecisionEvent>;

/** keysOf and evolve see the same event object: parse it once. */
const parsed = new WeakMap<RecordedEvent, DecisionEvent>();
function decisionOf(event: RecordedEvent): DecisionEvent {
  const known = parsed.get(event);
  if (known !== undefined) return known;
  const decision = parseDomainEvent(DECISIONS_BY_MEASURE, DecisionEvent, event);
  parsed.set(event, decision);
  return decision;
}

const recordOf = (event: RecordedEvent): DecisionRecord | null => decisionOf(event).data.decision;

/** Whose decision it is: an application's, or an amendment request's on a license (its record names the rest). */
function subjectOf(decision: DecisionEvent, record: DecisionRecord) {
  switch (decision.type) {
    case 'ApplicationApproved':
    case 'ApplicationRejected':
      return {
        applicationId: decision.data.applicationId,
        licenseId: null,
        amendmentRequestId: null,
        exporterId: decision.data.exporterId,
        outcome: decision.type === 'ApplicationApproved' ? ('approved' as const) : ('rejected' as const),
      };
    case 'AmendmentApproved':
    case 'AmendmentRejected':
      return {
        applicationId: record.applicationId,
        licenseId: decision.data.licenseId,
        amendmentRequestId: decision.data.amendmentRequestId,
        exporterId: record.inputs.application.exporterId,
        outcome: decision.type === 'AmendmentApproved' ? ('approved' as const) : ('rejected' as const),
      };
  }
}

/** A document's key: the measure and the decision event's place in `$all` (one document per pair). */
export const decisionUsingMeasureKey = (measureId: string, position: bigint | string) => `${measureId}@${position}`;

/**
 * "Which decisions relied on this measure version?": indexes every decision
 * event (an application's, or an amendment request's on a license) by each
 * measure its record lists, applying or not. A rejection without a rule
 * evaluation lists no measure and is not indexed.
 *
 * One small document per (measure, decision), listed through its index row:
 * a document per measure holding all its decisions grew with every decision,
 * so each one rewrote it whole (quadratic catch-up, slower approvals).
 */
export const decisionsByMeasureProjection: Projection<DecisionUsingMeasure> = {
  name: DECISIONS_BY_MEASURE,
  // 2: amendment requests' decisions too. 3: one document per decision and measure, with index rows.
  version: 3,
  filter: {
    streamPrefixes: ['application-', 'license-'],
    eventTypes: ['ApplicationApproved', 'ApplicationRejected', 'AmendmentApproved', 'AmendmentRejected'],
  },
  keysOf: (event) => [
    ...new Set((recordOf(event)?.measures ?? []).map((m) => decisionUsingMeasureKey(m.measureId, event.position))),
  ],
  evolve(doc, event, key) {
    // A redelivered event finds its document written: it is recorded once.
    if (doc !== null) return doc;
    const decision = decisionOf(event);
    const record = decision.data.decision;
    const measure = record?.measures.find((m) => decisionUsingMeasureKey(m.measureId, event.position) === key);
    if (!record || !measure) return null;
    return {
      ...subjectOf(decision, record),
      measureId: measure.measureId,
      version: measure.version,
      status: measure.status,
      applies: measure.applies,
      validOn: record.validOn,
      knownAt: record.knownAt,
      decidedAt: event.metadata.recordedAt,
      position: event.position.toString(),
    };
  },
  index: decisionsByMeasureIndex,
};
