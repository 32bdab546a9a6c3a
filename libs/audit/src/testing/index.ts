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
