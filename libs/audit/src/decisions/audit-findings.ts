import type { DecisionComparison } from '@licensing/domain';
import type { StreamIntegrity } from './stream-integrity';

/** The chains one decision audit read: the stream holding the decision (an application's or a license's), and the policy's. */
export interface ChainsRead {
  readonly ok: boolean;
  readonly decision: StreamIntegrity;
  readonly policy: readonly StreamIntegrity[];
}

/** Every broken chain and every event left out, in words; empty when all holds. */
export function integrityFindings(integrity: ChainsRead, unreadable: readonly string[]): string[] {
  const broken = [integrity.decision, ...integrity.policy]
    .filter((stream) => !stream.ok)
    .map(
      (stream) =>
        `The hash chain of ${stream.streamId} is broken at revision ${stream.firstBrokenRevision}: ${stream.detail}. An event was altered, removed or inserted after it was stored.`,
    );
  return [...broken, ...unreadable];
}

export function chainsHold(integrity: ChainsRead): string {
  return `The hash chain of ${integrity.decision.streamId} and of the ${integrity.policy.length} measure streams holds.`;
}

/** The comparison in one sentence. */
export function comparisonFinding(comparison: DecisionComparison, position: string): string {
  if (comparison.same) return `Re-evaluated on the policy ${position}, the recorded inputs give the recorded decision.`;
  const { verdict, outcomes, measures, otherFields } = comparison;
  const verdictPart = verdict.changed
    ? `the verdict changes from ${verdict.before.verdict} to ${verdict.after.verdict}`
    : `the verdict stays ${verdict.before.verdict}`;
  return (
    `Re-evaluated on the policy ${position}, ${verdictPart}; ` +
    `${outcomes.length} rule outcome(s), ${measures.length} measure(s) and ${otherFields.length} other field(s) differ from the record.`
  );
}
