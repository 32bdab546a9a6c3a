import type { DecisionComparison, Instant, LegalDate } from '@licensing/domain';
import type { DecisionProofs } from './inclusion-proofs';
import type { AmendmentDecisionLookup } from './recorded-amendment-decision';
import type { DecisionLookup } from './recorded-decision';
import type { StreamIntegrity } from './stream-integrity';

/** The chains of every stream a decision audit read. */
export interface StreamsIntegrity {
  /** Every chain holds. */
  readonly ok: boolean;
  readonly application: StreamIntegrity;
  /** One per measure stream read: those the record lists and every other measure known. */
  readonly policy: readonly StreamIntegrity[];
}

/** "Decisions, from the log": the recorded decision replayed on the policy log as known then. */
export interface DecisionReplay {
  readonly applicationId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly validOn: LegalDate;
  readonly knownAt: Instant;
  /** The replay gave the record back and every chain holds. */
  readonly matches: boolean;
  /** Why it matches or not, in words. */
  readonly findings: readonly string[];
  readonly differences: DecisionComparison;
  readonly integrity: StreamsIntegrity;
  readonly proofs: DecisionProofs;
}

/** A policy position and the verdict the recorded inputs get there. */
export interface EvaluatedAt {
  readonly validOn: LegalDate;
  readonly knownAt: Instant;
  readonly verdict: DecisionComparison['verdict']['before']['verdict'];
}

/** The recorded inputs re-evaluated at another legal date and/or knowledge time. */
export interface DecisionWhatIf {
  readonly applicationId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly recorded: EvaluatedAt;
  readonly whatIf: EvaluatedAt;
  /** Anything differs from the recorded decision but the position itself. */
  readonly changed: boolean;
  readonly findings: readonly string[];
  readonly differences: DecisionComparison;
  readonly integrity: StreamsIntegrity;
}

/** The chains an amendment decision's audit read: the license stream's, and every measure stream's. */
export interface AmendmentStreamsIntegrity {
  readonly ok: boolean;
  readonly license: StreamIntegrity;
  readonly policy: readonly StreamIntegrity[];
}

/** Which amendment request's decision, on which license. */
interface AmendmentDecisionSubject {
  readonly licenseId: string;
  readonly amendmentRequestId: string;
}

/** An amendment request's recorded decision replayed like an application's. */
export type AmendmentDecisionReplay = AmendmentDecisionSubject &
  Omit<DecisionReplay, 'applicationId' | 'integrity'> & { readonly integrity: AmendmentStreamsIntegrity };

/** An amendment request's recorded inputs at another policy position. */
export type AmendmentDecisionWhatIf = AmendmentDecisionSubject &
  Omit<DecisionWhatIf, 'applicationId' | 'integrity'> & { readonly integrity: AmendmentStreamsIntegrity };

/** An answer, or why there is none: the lookups that found no decision to audit. */
export type DecisionAuditResult<Answer> =
  { readonly kind: 'audited'; readonly answer: Answer } | Exclude<DecisionLookup, { readonly kind: 'found' }>;

/** The same for an amendment request's decision. */
export type AmendmentDecisionAuditResult<Answer> =
  { readonly kind: 'audited'; readonly answer: Answer } | Exclude<AmendmentDecisionLookup, { readonly kind: 'found' }>;
