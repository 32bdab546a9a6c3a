import type { AmendmentDecisionAuditResult, DecisionAuditResult } from '../decision-answers';

/** The answer of an audit that found its decision; anything else fails the spec. */
export function audited<Answer>(result: DecisionAuditResult<Answer> | AmendmentDecisionAuditResult<Answer>): Answer {
  if (result.kind !== 'audited') throw new Error(`expected an answer, got ${result.kind}`);
  return result.answer;
}
