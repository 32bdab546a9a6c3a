/** Why the gate refuses a declaration. Stable codes, for customs systems to branch on. */
export type RefusalCode =
  | 'gate.unlicensed'
  | 'gate.exporter_mismatch'
  | 'gate.license_not_yet_valid'
  | 'gate.license_suspended'
  | 'gate.license_revoked'
  | 'gate.license_expired'
  | 'gate.license_exhausted'
  | 'gate.line_unknown'
  | 'gate.unit_mismatch'
  | 'gate.quantity_exceeds_remaining'
  | 'gate.end_user_not_licensed'
  | 'gate.destination_not_licensed';

/** One reason for a refusal: the code and a sentence a customs officer can act on. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: string;
}

export const refusal = (code: RefusalCode, reason: string): Refusal => ({ code, reason });
