import type { DecisionComparison } from '@licensing/domain';
import type { StreamsIntegrity } from './decision-answers';

/** Every broken chain and every event left out, in words; empty when all holds. */
export function integrityFindings(integrity: StreamsIntegrity, unreadable: readonly string[]): string[] {
  const broken = [integrity.application, ...integrity.policy]
    .filter((stream) => !stream.ok)
    .map(
      (stream) =>
        `The hash chain of ${stream.streamId} is broken at revision ${stream.firstBrokenRevision}: ${stream.detail}. An event was altered, removed or inserted after it was stored.`,
    );
  return [...broken, ...unreadable];
}

export function chainsHold(integrity: StreamsIntegrity): string {
  return `The hash chain of ${integrity.application.streamId} and of the ${integrity.policy.length} measure streams holds.`;
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
