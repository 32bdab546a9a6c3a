export * from './backup-manifest';
export { writeBackup } from './write-backup';
export type { BackupOptions, BackupPhase, BackupProgress, BackupSources } from './write-backup';
export { describeFinding, readBackupManifest, verifyBackup } from './verify-backup';
export type { VerifiedBackup, VerifyBackupOptions } from './verify-backup';
export { restoreBackup, RestoreRefused, TREE_HEAD_KEY_FILE } from './restore-backup';
export type { RestoreOptions, RestoreReport } from './restore-backup';
