/** The rule evaluation's public surface (decision-record.ts is exported separately). */
export { evaluate, EVALUATOR_VERSION } from './evaluate';
export { replayDecision, whatIfDecision } from './replay';
export type { ReplayResult } from './replay';
export { diffValues } from './record-diff';
export type { RecordDifference } from './record-diff';
export { decisiveDecision } from './decisive-decision';
export { PRE_CHECK_APPLICATION_ID, PreCheckRequest, preCheck, preCheckInputs } from './pre-check';
