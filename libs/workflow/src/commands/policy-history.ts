import type { Instant, RecordedPolicyEvent } from '@licensing/domain';

/**
 * The policy log a decision is evaluated against. The service answers it
 * from the rule-history read model after catching that model up with the
 * store, so every policy event recorded before `knownAt` is included and an
 * auditor replaying the decision later sees the same policy.
 */
export interface PolicyHistory {
  policyEventsKnownAt(knownAt: Instant): Promise<RecordedPolicyEvent[]>;
}

export const POLICY_HISTORY = Symbol('POLICY_HISTORY');
