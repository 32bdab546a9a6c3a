import {
  ApplicationEvent,
  applicationStreamId,
  type DecisionRecord,
  type ResourceOwner,
  type ScopePredicate,
} from '@licensing/domain';
import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { readVerifiedStream, type StreamIntegrity } from './stream-integrity';

/** The decision an application stream holds: the event that carries it and its record. */
export interface RecordedDecision {
  readonly outcome: 'approved' | 'rejected';
  readonly record: DecisionRecord;
  /** The decision event's envelope (id, revision, position), for its inclusion proof. */
  readonly event: RecordedEvent;
  /** The application stream's chain check. */
  readonly integrity: StreamIntegrity;
}

export type DecisionLookup =
  | { readonly kind: 'found'; readonly decision: RecordedDecision }
  /** No such application, or one outside the reader's data scope: the same answer. */
  | { readonly kind: 'no_application' }
  /** Not decided yet, or rejected on explicit reasons without a rule evaluation. */
  | { readonly kind: 'no_decision_record' }
  /** The decision event does not fit the domain's schema: there is no record to replay. */
  | { readonly kind: 'unreadable_decision'; readonly detail: string; readonly integrity: StreamIntegrity };

const DECISION_TYPES = new Set(['ApplicationApproved', 'ApplicationRejected']);

const parse = (event: RecordedEvent) =>
  ApplicationEvent.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });

/** Whose the application is, as far as the events that parse say: its exporter and assigned reviewer. */
function ownerOf(events: readonly RecordedEvent[]): ResourceOwner {
  let exporterId: string | null = null;
  let reviewerId: string | null = null;
  for (const event of events) {
    const parsed = parse(event);
    if (!parsed.success) continue;
    const { type, data } = parsed.data;
    if (type === 'ApplicationDrafted' || type === 'ApplicationDraftRevised') exporterId = data.application.exporterId;
    if (type === 'ApplicationApproved' || type === 'ApplicationRejected') exporterId = data.exporterId;
    if (type === 'ReviewerAssigned') reviewerId = data.reviewerId;
  }
  return { exporterId, reviewerId };
}

/**
 * Finds the decision in `application-<id>`, read from the event store (not a
 * read model): the chain checked on the stored bytes, the decision parsed
 * from the upcast event with the domain's schema.
 */
export async function readRecordedDecision(
  store: EventStore,
  applicationId: string,
  scope: ScopePredicate,
): Promise<DecisionLookup> {
  const { integrity, events } = await readVerifiedStream(store, applicationStreamId(applicationId));
  if (events.length === 0 || !scope(ownerOf(events))) return { kind: 'no_application' };
  const event = events.findLast((e) => DECISION_TYPES.has(e.type));
  if (event === undefined) return { kind: 'no_decision_record' };
  const parsed = parse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    const detail = `The ${event.type} event at revision ${event.revision} of ${event.streamId} does not match the domain schema (${issues}), so there is no record to replay.`;
    return { kind: 'unreadable_decision', detail, integrity };
  }
  const decision = parsed.data;
  if (decision.type === 'ApplicationApproved')
    return { kind: 'found', decision: { outcome: 'approved', record: decision.data.decision, event, integrity } };
  if (decision.type === 'ApplicationRejected' && decision.data.decision !== null)
    return { kind: 'found', decision: { outcome: 'rejected', record: decision.data.decision, event, integrity } };
  return { kind: 'no_decision_record' };
}
