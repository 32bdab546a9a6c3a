import { LegalDate } from '../shared/dates';
import { Instant } from '../shared/metadata';
import { policySnapshot, RecordedPolicyEvent } from '../policy/policy-snapshot';
import { DecisionRecord } from './decision-record';
import { evaluate } from './evaluate';
import { diffValues, RecordDifference } from './record-diff';

export interface ReplayResult {
  readonly matches: boolean;
  readonly differences: readonly RecordDifference[];
  readonly replayed: DecisionRecord;
}

/**
 * An auditor's check: rebuild the policy at the record's (validOn, knownAt)
 * from the policy log, re-run the evaluation on the recorded inputs, and
 * compare. Events recorded after knownAt cannot change the answer, so any
 * difference means altered events, a changed evaluator, or a tampered record.
 */
export function replayDecision(record: DecisionRecord, policyEvents: readonly RecordedPolicyEvent[]): ReplayResult {
  return whatIfDecision(record, policyEvents, { validOn: record.validOn, knownAt: record.knownAt });
}

/**
 * The same recorded inputs at another policy position: "what would we have
 * decided on another date, or knowing what we know now?" Differences are
 * reported against the recorded decision.
 */
export function whatIfDecision(
  record: DecisionRecord,
  policyEvents: readonly RecordedPolicyEvent[],
  position: { validOn: LegalDate; knownAt: Instant },
): ReplayResult {
  const snapshot = policySnapshot(policyEvents, position);
  const replayed = evaluate(record.inputs.application, record.inputs.exporter, snapshot);
  const differences = diffValues(record, replayed);
  return { matches: differences.length === 0, differences, replayed };
}
