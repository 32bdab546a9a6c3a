export { DecisionAudit } from './decision-audit';
export type { KnownMeasureIds, WhatIfPosition } from './decision-audit';
export type {
  AmendmentDecisionAuditResult,
  AmendmentDecisionReplay,
  AmendmentDecisionWhatIf,
  AmendmentStreamsIntegrity,
  DecisionAuditResult,
  DecisionReplay,
  DecisionWhatIf,
  EvaluatedAt,
  StreamsIntegrity,
} from './decision-answers';
export type { DecisionProofs, EventRef } from './inclusion-proofs';
export type { StreamIntegrity } from './stream-integrity';
