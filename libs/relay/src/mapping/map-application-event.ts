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
