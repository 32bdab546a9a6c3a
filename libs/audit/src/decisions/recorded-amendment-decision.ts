import { LicenseEvent, licenseStreamId, type ResourceOwner, type ScopePredicate } from '@licensing/domain';
import type { EventStore, RecordedEvent } from '@licensing/event-store';
import type { DecisionLookup } from './recorded-decision';
import { readVerifiedStream } from './stream-integrity';

/** The answers of an amendment lookup: an application's, and an unknown license or request. */
export type AmendmentDecisionLookup =
  | Exclude<DecisionLookup, { readonly kind: 'no_application' }>
  /** No such license, or one outside the reader's data scope: the same answer. */
  | { readonly kind: 'no_license' }
  /** The license has no amendment request of that id. */
  | { readonly kind: 'no_amendment_request' };

const DECISION_TYPES = new Set(['AmendmentApproved', 'AmendmentRejected']);

const parse = (event: RecordedEvent) =>
  LicenseEvent.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });

/** The request an event is about, read before parsing: an event that does not parse still names it. */
const requestOf = (event: RecordedEvent): unknown =>
  (event.data as { amendmentRequestId?: unknown }).amendmentRequestId;

/** Whose the license is: its exporter, and the reviewer assigned to this request. */
function ownerOf(events: readonly RecordedEvent[], amendmentRequestId: string): ResourceOwner {
  let exporterId: string | null = null;
  let reviewerId: string | null = null;
  for (const event of events) {
    const parsed = parse(event);
    if (!parsed.success) continue;
    const { type, data } = parsed.data;
    if (type === 'LicenseIssued') exporterId = data.exporterId;
    if (type === 'AmendmentReviewerAssigned' && data.amendmentRequestId === amendmentRequestId)
      reviewerId = data.reviewerId;
  }
  return { exporterId, reviewerId };
}

/**
 * Finds the decision on one amendment request in `license-<id>`, read from
 * the event store like an application's (`readRecordedDecision`): the chain
 * checked on the stored bytes, the decision parsed from the upcast event.
 */
export async function readRecordedAmendmentDecision(
  store: EventStore,
  licenseId: string,
  amendmentRequestId: string,
  scope: ScopePredicate,
): Promise<AmendmentDecisionLookup> {
  const { integrity, events } = await readVerifiedStream(store, licenseStreamId(licenseId));
  if (events.length === 0 || !scope(ownerOf(events, amendmentRequestId))) return { kind: 'no_license' };
  const ofRequest = events.filter((e) => requestOf(e) === amendmentRequestId);
  if (!ofRequest.some((e) => e.type === 'AmendmentRequested')) return { kind: 'no_amendment_request' };
  const event = ofRequest.findLast((e) => DECISION_TYPES.has(e.type));
  if (event === undefined) return { kind: 'no_decision_record' };
  const parsed = parse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    const detail = `The ${event.type} event at revision ${event.revision} of ${event.streamId} does not match the domain schema (${issues}), so there is no record to replay.`;
    return { kind: 'unreadable_decision', detail, integrity };
  }
  const decision = parsed.data;
  if (decision.type === 'AmendmentApproved')
    return { kind: 'found', decision: { outcome: 'approved', record: decision.data.decision, event, integrity } };
  if (decision.type === 'AmendmentRejected' && decision.data.decision !== null)
    return { kind: 'found', decision: { outcome: 'rejected', record: decision.data.decision, event, integrity } };
  return { kind: 'no_decision_record' };
}
