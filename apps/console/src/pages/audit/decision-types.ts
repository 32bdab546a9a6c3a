import type { DecisionComparison } from '@licensing/domain';
import type { EventInclusion, SignedTreeHead } from './audit-types';

/*
 * The answers of GET /applications/{id}/decision-replay, /what-if and
 * /audit/decisions as JSON on the wire (decision-audit-schemas.ts of the
 * service describes every field); the rule-by-rule comparison is the
 * domain's own type.
 */

interface StreamIntegrity {
  readonly streamId: string;
  readonly ok: boolean;
  readonly events: number;
  readonly firstBrokenRevision: number | null;
  readonly detail: string;
}

export interface DecisionIntegrity {
  readonly ok: boolean;
  readonly application: StreamIntegrity;
  readonly policy: readonly StreamIntegrity[];
}

/** An amendment request's answers name its license and request instead of an application. */
export interface DecisionReplay {
  readonly outcome: 'approved' | 'rejected';
  readonly validOn: string;
  readonly knownAt: string;
  readonly matches: boolean;
  readonly findings: readonly string[];
  readonly differences: DecisionComparison;
  readonly integrity: DecisionIntegrity;
  readonly proofs: {
    readonly status: 'proved' | 'partial' | 'unavailable';
    readonly detail: string;
    readonly treeHead: SignedTreeHead | null;
    readonly decisionEvent: EventInclusion | null;
    readonly policyEvents: readonly EventInclusion[];
  };
}

interface EvaluatedAt {
  readonly validOn: string;
  readonly knownAt: string;
  readonly verdict: string;
}

export interface DecisionWhatIf {
  readonly outcome: 'approved' | 'rejected';
  readonly recorded: EvaluatedAt;
  readonly whatIf: EvaluatedAt;
  readonly changed: boolean;
  readonly findings: readonly string[];
  readonly differences: DecisionComparison;
  readonly integrity: DecisionIntegrity;
}

export interface DecisionUsingMeasure {
  readonly applicationId: string;
  /** An amendment request's decision: its license and request; null (or absent, from an older service): the application's. */
  readonly licenseId?: string | null;
  readonly amendmentRequestId?: string | null;
  readonly exporterId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly version: number;
  readonly status: string;
  readonly applies: boolean;
  readonly validOn: string;
  readonly decidedAt: string;
}

export interface DecisionsUsingMeasure {
  readonly measureId: string;
  readonly decisions: readonly DecisionUsingMeasure[];
  readonly nextCursor: string | null;
}
