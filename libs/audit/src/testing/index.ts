export { TAMPER_KINDS, tamper } from './tamper';
export type { TamperKind, Tampering } from './tamper';
export {
  flipByte,
  readManifestFile,
  resealManifest,
  tamperBackupStore,
  truncateToHalf,
  writeManifestFile,
} from './backup-damage';
// Realistic logs for benchmarks and specs: the seeded policy, and approved applications with their decision records.
export { appendApprovedApplication } from '../decisions/testing/approved-application';
export { appendSeededPolicy } from '../decisions/testing/audit-store';
export { fillDecisionLog } from '../decisions/testing/decision-log';
