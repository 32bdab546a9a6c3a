import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestFile } from '../backup/backup-files';
import { BACKUP_FILES, type BackupManifest } from '../backup/backup-manifest';
import { tamper, type TamperKind, type Tampering } from './tamper';

/*
 * Ways a backup directory gets damaged, for the restore specs: bytes changed
 * under the manifest's checksums, or rows changed by someone (or something)
 * that also rewrote the checksums, so only the chains and the log can tell.
 */

const manifestPath = (backup: string) => join(backup, BACKUP_FILES.manifest);

export function readManifestFile(backup: string): BackupManifest {
  return JSON.parse(readFileSync(manifestPath(backup), 'utf8')) as BackupManifest;
}

export function writeManifestFile(backup: string, manifest: unknown): void {
  writeFileSync(manifestPath(backup), JSON.stringify(manifest, null, 2));
}

/** Flips every bit of one byte in the middle of a file. */
export function flipByte(file: string): void {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

/** Recomputes the manifest's checksums over the files as they are now. */
export async function resealManifest(backup: string): Promise<void> {
  const manifest = readManifestFile(backup);
  const files = [];
  for (const file of manifest.files) files.push({ name: file.name, ...(await digestFile(join(backup, file.name))) });
  writeManifestFile(backup, { ...manifest, files });
}

/** Alters the backup's store rows one way (seeded), then reseals the manifest so its checksums agree. */
export async function tamperBackupStore(backup: string, kind: TamperKind): Promise<Tampering> {
  let seed = 987654321;
  const tampering = tamper(join(backup, BACKUP_FILES.eventStore), kind, () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  });
  await resealManifest(backup);
  return tampering;
}
