import {
  compareDecisions,
  type Instant,
  type LegalDate,
  recordedBy,
  replayDecision,
  type ScopePredicate,
  whatIfDecision,
} from '@licensing/domain';
import type { EventStore } from '@licensing/event-store';
import type { LogProofs } from '../log-proofs';
import { type ChainsRead, chainsHold, comparisonFinding, integrityFindings } from './audit-findings';
import type {
  AmendmentDecisionAuditResult,
  AmendmentDecisionReplay,
  AmendmentDecisionWhatIf,
  DecisionAuditResult,
  DecisionReplay,
  DecisionWhatIf,
} from './decision-answers';
import { proveInclusion } from './inclusion-proofs';
import { type PolicyLog, readPolicyLog } from './policy-log';
import { readRecordedAmendmentDecision } from './recorded-amendment-decision';
import { readRecordedDecision, type RecordedDecision } from './recorded-decision';

/** The measure ids known besides those a record lists (the service passes the rule history's). */
export type KnownMeasureIds = () => readonly string[] | Promise<readonly string[]>;

/** Another policy position to re-evaluate a decision at; each default is the record's own. */
export interface WhatIfPosition {
  readonly validOn?: LegalDate;
  readonly knownAt?: Instant;
}

/** An answer before it names its subject: the chain of the decision's stream still unnamed. */
type Unnamed<Answer> = Omit<Answer, 'applicationId' | 'integrity'> & { readonly integrity: ChainsRead };

const everyone: ScopePredicate = () => true;

/**
 * The auditor's check of a recorded decision, from the event log itself
 * rather than the read models: the stream holding the decision (an
 * application's, or a license's for an amendment request) and every measure
 * stream are read from the event store, their hash chains checked on the
 * stored bytes, the recorded inputs re-evaluated with the domain's pure
 * evaluation, and each event the replay read proved included in the verifiable log.
 */
export class DecisionAudit {
  constructor(
    private readonly store: EventStore,
    private readonly proofs: LogProofs,
    private readonly knownMeasureIds: KnownMeasureIds,
  ) {}

  /** The decision replayed on the policy as known then; it must match. */
  async replay(applicationId: string, scope: ScopePredicate = everyone): Promise<DecisionAuditResult<DecisionReplay>> {
    const lookup = await readRecordedDecision(this.store, applicationId, scope);
    if (lookup.kind !== 'found') return lookup;
    const answer = await this.replayOf(lookup.decision);
    // The spread keeps each key's place on the wire; integrity is named after the stream read.
    return { kind: 'audited', answer: { applicationId, ...answer, integrity: asApplication(answer.integrity) } };
  }

  /** The same recorded inputs re-evaluated at another legal date and/or knowledge time. */
  async whatIf(
    applicationId: string,
    at: WhatIfPosition,
    scope: ScopePredicate = everyone,
  ): Promise<DecisionAuditResult<DecisionWhatIf>> {
    const lookup = await readRecordedDecision(this.store, applicationId, scope);
    if (lookup.kind !== 'found') return lookup;
    const answer = await this.whatIfOf(lookup.decision, at);
    return { kind: 'audited', answer: { applicationId, ...answer, integrity: asApplication(answer.integrity) } };
  }

  /** An amendment request's decision (its record evaluates the license as amended), replayed the same way. */
  async replayAmendment(
    licenseId: string,
    amendmentRequestId: string,
    scope: ScopePredicate = everyone,
  ): Promise<AmendmentDecisionAuditResult<AmendmentDecisionReplay>> {
    const lookup = await readRecordedAmendmentDecision(this.store, licenseId, amendmentRequestId, scope);
    if (lookup.kind !== 'found') return lookup;
    const answer = await this.replayOf(lookup.decision);
    return {
      kind: 'audited',
      answer: { licenseId, amendmentRequestId, ...answer, integrity: asLicense(answer.integrity) },
    };
  }

  /** An amendment request's recorded inputs at another legal date and/or knowledge time. */
  async whatIfAmendment(
    licenseId: string,
    amendmentRequestId: string,
    at: WhatIfPosition,
    scope: ScopePredicate = everyone,
  ): Promise<AmendmentDecisionAuditResult<AmendmentDecisionWhatIf>> {
    const lookup = await readRecordedAmendmentDecision(this.store, licenseId, amendmentRequestId, scope);
    if (lookup.kind !== 'found') return lookup;
    const answer = await this.whatIfOf(lookup.decision, at);
    return {
      kind: 'audited',
      answer: { licenseId, amendmentRequestId, ...answer, integrity: asLicense(answer.integrity) },
    };
  }

  private async replayOf(decision: RecordedDecision): Promise<Unnamed<DecisionReplay>> {
    const { record } = decision;
    const policy = await this.policyFor(decision);
    const replay = replayDecision(record, recordedEvents(policy));
    const differences = compareDecisions(record, replay.replayed);
    const integrity = integrityOf(decision, policy);
    const problems = integrityFindings(integrity, policy.unreadable);
    const position = `of ${record.validOn} as known at ${record.knownAt}`;
    const used = new Set(record.measures.map((m) => m.measureId));
    const policyEvents = policy.events
      .filter((e) => used.has(e.recorded.measureId) && recordedBy(e.recorded, record.knownAt))
      .map((e) => e.envelope);
    return {
      outcome: decision.outcome,
      validOn: record.validOn,
      knownAt: record.knownAt,
      matches: replay.matches && differences.same && problems.length === 0,
      findings: [
        ...problems,
        ...(problems.length === 0 ? [chainsHold(integrity)] : []),
        comparisonFinding(differences, position),
      ],
      differences,
      integrity,
      proofs: await proveInclusion(this.proofs, decision.event, policyEvents),
    };
  }

  private async whatIfOf(decision: RecordedDecision, at: WhatIfPosition): Promise<Unnamed<DecisionWhatIf>> {
    const { record } = decision;
    const policy = await this.policyFor(decision);
    const position = { validOn: at.validOn ?? record.validOn, knownAt: at.knownAt ?? record.knownAt };
    const reevaluated = whatIfDecision(record, recordedEvents(policy), position).replayed;
    const differences = compareDecisions(record, reevaluated);
    const integrity = integrityOf(decision, policy);
    const problems = integrityFindings(integrity, policy.unreadable);
    return {
      outcome: decision.outcome,
      recorded: { validOn: record.validOn, knownAt: record.knownAt, verdict: record.verdict },
      whatIf: { ...position, verdict: reevaluated.verdict },
      changed: !differences.same,
      findings: [...problems, comparisonFinding(differences, `of ${position.validOn} as known at ${position.knownAt}`)],
      differences,
      integrity,
    };
  }

  /** Every measure the record lists and every other measure known: one the record missed must show. */
  private async policyFor(decision: RecordedDecision): Promise<PolicyLog> {
    const known = await this.knownMeasureIds();
    return readPolicyLog(this.store, [...decision.record.measures.map((m) => m.measureId), ...known]);
  }
}

const recordedEvents = (policy: PolicyLog) => policy.events.map((e) => e.recorded);

function integrityOf(decision: RecordedDecision, policy: PolicyLog): ChainsRead {
  const ok = decision.integrity.ok && policy.integrity.every((stream) => stream.ok);
  return { ok, decision: decision.integrity, policy: policy.integrity };
}

const asApplication = ({ ok, decision, policy }: ChainsRead) => ({ ok, application: decision, policy });
const asLicense = ({ ok, decision, policy }: ChainsRead) => ({ ok, license: decision, policy });
