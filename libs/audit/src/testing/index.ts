export { TAMPER_KINDS, tamper } from './tamper';
export type { TamperKind, Tampering } from './tamper';
