import type { DecisionRecord } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';

interface ApprovalData {
  readonly applicationId: string;
  readonly exporterId: string;
  readonly approverId: string;
  readonly approvedOn: string;
  readonly decision: DecisionRecord;
}

/** A rejection of another application, made from an approval event: its record (or none), a place in `$all`, a time. */
export function rejectionOf(
  approval: RecordedEvent,
  change: {
    applicationId: string;
    position: bigint;
    decision?: DecisionRecord | null;
    recordedAt?: string;
    exporterId?: string;
  },
): RecordedEvent {
  const data = approval.data as ApprovalData;
  return {
    ...approval,
    id: `rejection-${change.applicationId}`,
    type: 'ApplicationRejected',
    streamId: `application-${change.applicationId}`,
    position: change.position,
    data: {
      applicationId: change.applicationId,
      exporterId: change.exporterId ?? data.exporterId,
      approverId: data.approverId,
      rejectedOn: data.approvedOn,
      decision:
        change.decision === undefined ? { ...data.decision, applicationId: change.applicationId } : change.decision,
      reasons: ['End use not credible'],
    },
    metadata: { ...approval.metadata, recordedAt: change.recordedAt ?? approval.metadata.recordedAt },
  };
}

/** The record with one measure's version replaced, as if decided when the measure had another version. */
export function withMeasureVersion(record: DecisionRecord, measureId: string, version: number): DecisionRecord {
  return { ...record, measures: record.measures.map((m) => (m.measureId === measureId ? { ...m, version } : m)) };
}

/** An approval of an amendment request on app-1's license, made from the application's approval: the same record. */
export function amendmentApprovalOf(
  approval: RecordedEvent,
  change: { licenseId: string; amendmentRequestId: string; position: bigint },
): RecordedEvent {
  const data = approval.data as ApprovalData;
  return {
    ...approval,
    id: `amendment-approval-${change.amendmentRequestId}`,
    type: 'AmendmentApproved',
    streamId: `license-${change.licenseId}`,
    position: change.position,
    data: {
      licenseId: change.licenseId,
      amendmentRequestId: change.amendmentRequestId,
      approverId: data.approverId,
      approvedOn: data.approvedOn,
      decision: data.decision,
    },
  };
}
