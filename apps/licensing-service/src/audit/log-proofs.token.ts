/** Nest token of the `LogProofs` (libs/audit) the decision audit proves its events with: the service's VerifiableLog. */
export const LOG_PROOFS = Symbol('LOG_PROOFS');
