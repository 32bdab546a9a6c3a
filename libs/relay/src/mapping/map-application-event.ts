import type { AppliedMeasure, ContractMessage, DecisionBasis } from '@licensing/contracts';
import { type ApplicationEvent, assertNever, type DecisionRecord } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { envelopeOf } from './envelope-of';

/** The measures the evaluation found applicable, at the versions it read. */
function basisOf(decision: DecisionRecord): DecisionBasis {
  const measuresApplied: AppliedMeasure[] = decision.measures
    .filter((measure) => measure.applies)
    .map(({ measureId, version }) => ({ measureId, version }));
  return {
    verdict: decision.verdict,
    policyValidOn: decision.validOn,
    policyKnownAt: decision.knownAt,
    measuresApplied,
  };
}

/**
 * | domain event          | public event          | why                                                        |
 * |-----------------------|-----------------------|------------------------------------------------------------|
 * | ApplicationSubmitted  | application.submitted | the exporter's request is now on record with the ministry  |
 * | ApplicationApproved   | application.decided   | outcome approved; license.issued follows on its own topic  |
 * | ApplicationRejected   | application.decided   | outcome rejected, with the officer's reasons               |
 * | ApplicationDrafted    | —                     | a private draft: not yet a request, may never be submitted |
 * | ApplicationDraftRevised | —                   | same                                                       |
 * | ApplicationAccepted   | —                     | internal review clock; no downstream decision depends on it|
 * | DocumentsRequested / DocumentsSupplied | —    | exchange between exporter and officer, personal documents  |
 * | ReviewerAssigned / ReviewCompleted | —        | internal staffing and advice, not a decision               |
 * | ApplicationWithdrawn / ReviewDeadlineMissed | — | no license will follow; candidates for a later additive `application.closed` |
 */
/**
 * Which application events publish a message: the table above, listed for
 * every type (a new type fails to compile until it is placed here).
 */
const PUBLISHES: Readonly<Record<ApplicationEvent['type'], boolean>> = {
  ApplicationSubmitted: true,
  ApplicationApproved: true,
  ApplicationRejected: true,
  ApplicationDrafted: false,
  ApplicationDraftRevised: false,
  ApplicationAccepted: false,
  DocumentsRequested: false,
  DocumentsSupplied: false,
  ReviewerAssigned: false,
  ReviewCompleted: false,
  ApplicationWithdrawn: false,
  ReviewDeadlineMissed: false,
};

/**
 * An application event type known to publish nothing. The relay maps it
 * without reading its data: a check of data that goes nowhere protects no
 * consumer, and most application events are of these types. A type the
 * relay does not know is not one of them: it is parsed, and refused.
 */
export function publishesNothing(type: string): boolean {
  return Object.hasOwn(PUBLISHES, type) && PUBLISHES[type as ApplicationEvent['type']] === false;
}

export function mapApplicationEvent(event: RecordedEvent, domainEvent: ApplicationEvent): ContractMessage[] {
  const applicationId = domainEvent.data.applicationId;
  const envelope = envelopeOf(event, 'application', applicationId);
  switch (domainEvent.type) {
    case 'ApplicationSubmitted': {
      const { exporterId, licenseType, submittedOn } = domainEvent.data;
      return [
        { ...envelope, type: 'application.submitted', data: { applicationId, exporterId, licenseType, submittedOn } },
      ];
    }
    case 'ApplicationApproved': {
      const { exporterId, licenseType, approverId, approvedOn, decision } = domainEvent.data;
      const data = {
        outcome: 'approved' as const,
        applicationId,
        exporterId,
        licenseType,
        decidedOn: approvedOn,
        decidedBy: approverId,
        reasons: decision.reasons.filter((reason) => reason.length > 0),
        basis: basisOf(decision),
      };
      return [{ ...envelope, type: 'application.decided', data }];
    }
    case 'ApplicationRejected': {
      const { exporterId, approverId, rejectedOn, decision, reasons } = domainEvent.data;
      const allReasons = [...new Set([...reasons, ...(decision?.reasons ?? [])])].filter((reason) => reason.length > 0);
      const data = {
        outcome: 'rejected' as const,
        applicationId,
        exporterId,
        decidedOn: rejectedOn,
        decidedBy: approverId,
        reasons: allReasons,
        basis: decision === null ? null : basisOf(decision),
      };
      return [{ ...envelope, type: 'application.decided', data }];
    }
    case 'ApplicationDrafted':
    case 'ApplicationDraftRevised':
    case 'ApplicationAccepted':
    case 'DocumentsRequested':
    case 'DocumentsSupplied':
    case 'ReviewerAssigned':
    case 'ReviewCompleted':
    case 'ApplicationWithdrawn':
    case 'ReviewDeadlineMissed':
      return [];
    default:
      return assertNever(domainEvent, 'application event');
  }
}
