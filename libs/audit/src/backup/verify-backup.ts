import { openSqliteEventStore, type SqliteEventStore, summarizeSqliteStore } from '@licensing/event-store';
import BetterSqlite3 from 'better-sqlite3';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MerkleLogStore } from '../merkle-log/merkle-log-store';
import { keyIdOf } from '../tree-head';
import type { Finding, VerificationReport } from '../verification/findings';
import { verifyStore, type VerifyProgress } from '../verification/verify-store';
import { verifyDocuments } from './backup-documents';
import { digestFile } from './backup-files';
import { BACKUP_FILES, type BackupManifest, BackupRefused, parseManifest } from './backup-manifest';

export interface VerifyBackupOptions {
  /** A key the caller trusts (e.g. from `audit public-key`); default the backup's own. */
  readonly trustedPublicKey?: KeyObject;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

/** A backup whose copies verified, open in a working directory; the caller closes it. */
export interface VerifiedBackup {
  readonly manifest: BackupManifest;
  readonly publicKey: KeyObject;
  readonly store: SqliteEventStore;
  readonly tree: MerkleLogStore;
  readonly report: VerificationReport;
  close(): Promise<void>;
}

/** The manifest of the backup in `from`, or BackupRefused saying why there is none. */
export function readBackupManifest(from: string): BackupManifest {
  let text: string;
  try {
    text = readFileSync(join(from, BACKUP_FILES.manifest), 'utf8');
  } catch (error) {
    throw new BackupRefused(
      'backup.manifest_missing',
      `${from} holds no readable manifest.json (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): is it a backup directory?`,
    );
  }
  return parseManifest(text);
}

/**
 * Copies the backup's databases into `work` and holds them to everything
 * the backup claims, in this order: each file's SHA-256 against the
 * manifest; each document's bytes against the SHA-256 it is filed under; each database readable (SQLite's quick_check); the public key
 * the manifest names (and the caller trusts); the newest signed head the
 * manifest names is in the log; then the whole store against the log
 * (every event's hash, every stream's chain, every leaf the log recorded,
 * every signed head's root and signature: `verifyStore`); and last the
 * store's size against the manifest. The first failure is a BackupRefused
 * saying what is wrong and where; `work` is the caller's to remove.
 */
export async function verifyBackup(
  from: string,
  work: string,
  options: VerifyBackupOptions = {},
): Promise<VerifiedBackup> {
  const manifest = readBackupManifest(from);
  for (const file of manifest.files) {
    const source = join(from, file.name);
    if (!statSync(source, { throwIfNoEntry: false })?.isFile())
      throw new BackupRefused('backup.file_missing', `${file.name} is missing from ${from}.`);
    const copy = join(work, file.name);
    copyFileSync(source, copy);
    const actual = await digestFile(copy);
    if (actual.sha256 !== file.sha256 || actual.bytes !== file.bytes)
      throw new BackupRefused(
        'backup.checksum_mismatch',
        `${file.name} does not match the manifest (SHA-256 ${actual.sha256.slice(0, 16)}…, ${actual.bytes} bytes; ` +
          `the manifest says ${file.sha256.slice(0, 16)}…, ${file.bytes} bytes): it was changed or damaged after the backup.`,
      );
  }
  verifyDocuments(from, work, manifest.documents);
  for (const name of [BACKUP_FILES.eventStore, BACKUP_FILES.verifiableLog]) quickCheck(join(work, name));
  const publicKey = backupKey(work, manifest, options.trustedPublicKey);

  const store = openSqliteEventStore({ filename: join(work, BACKUP_FILES.eventStore), synchronous: 'NORMAL' });
  let tree: MerkleLogStore | null = null;
  const close = async () => {
    tree?.close();
    await store.close();
  };
  try {
    tree = openLog(join(work, BACKUP_FILES.verifiableLog));
    checkManifestHead(tree, manifest);
    const report = await verifyStore(store, tree, publicKey, {
      progressEvery: 10_000,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (!report.ok) {
      const problem = report.firstProblem;
      throw new BackupRefused(
        `backup.${problem?.kind ?? 'unverified'}`,
        `${BACKUP_FILES.eventStore} does not verify against the verifiable log: ${describeFinding(problem)}` +
          `${report.problems > 1 ? ` (${report.problems} problems in all)` : ''}.`,
      );
    }
    checkStoreSize(join(work, BACKUP_FILES.eventStore), manifest);
    return { manifest, publicKey, store, tree, report, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function quickCheck(file: string): void {
  let verdict: string;
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true });
    try {
      verdict = String(db.pragma('quick_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (error) {
    verdict = (error as Error).message;
  }
  if (verdict !== 'ok')
    throw new BackupRefused(
      'backup.database_damaged',
      `${file.split(/[\\/]/).at(-1)} is not a sound SQLite database: ${verdict}.`,
    );
}

function backupKey(work: string, manifest: BackupManifest, trusted: KeyObject | undefined): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(join(work, BACKUP_FILES.publicKey)));
  } catch (error) {
    throw new BackupRefused(
      'backup.bad_public_key',
      `${BACKUP_FILES.publicKey} is not a PEM public key: ${(error as Error).message}.`,
    );
  }
  if (keyIdOf(key) !== manifest.verifiableLog.keyId)
    throw new BackupRefused(
      'backup.manifest_mismatch',
      `${BACKUP_FILES.publicKey} is not the key the manifest names (${manifest.verifiableLog.keyId.slice(0, 16)}…).`,
    );
  if (trusted && keyIdOf(trusted) !== keyIdOf(key))
    throw new BackupRefused(
      'backup.untrusted_key',
      `the backup's tree heads are signed with key ${keyIdOf(key).slice(0, 16)}…, not with the key you trust (${keyIdOf(trusted).slice(0, 16)}…).`,
    );
  return key;
}

function openLog(file: string): MerkleLogStore {
  try {
    return MerkleLogStore.open(file);
  } catch (error) {
    throw new BackupRefused('backup.database_damaged', `${BACKUP_FILES.verifiableLog}: ${(error as Error).message}.`);
  }
}

function checkManifestHead(tree: MerkleLogStore, manifest: BackupManifest): void {
  const named = manifest.verifiableLog.treeHead;
  const latest = tree.latestTreeHead();
  if (JSON.stringify(latest) !== JSON.stringify(named) || tree.size !== manifest.verifiableLog.leaves)
    throw new BackupRefused(
      'backup.manifest_mismatch',
      `the manifest says the log held ${manifest.verifiableLog.leaves} leaves with the newest head of size ${named?.treeSize ?? 'none'}; ` +
        `${BACKUP_FILES.verifiableLog} holds ${tree.size} leaves, the newest head of size ${latest?.treeSize ?? 'none'}.`,
    );
}

function checkStoreSize(file: string, manifest: BackupManifest): void {
  const held = summarizeSqliteStore(file);
  const last = held.lastPosition?.toString() ?? null;
  const { events, lastPosition } = manifest.eventStore;
  if (held.events !== events || last !== lastPosition)
    throw new BackupRefused(
      'backup.manifest_mismatch',
      `the manifest says the store held ${events} events up to position ${lastPosition ?? 'none'}; ` +
        `${BACKUP_FILES.eventStore} holds ${held.events} up to position ${last ?? 'none'}: events are missing or were added.`,
    );
}

/** A finding in one line: what, then where (stream, revision, position, leaf). */
export function describeFinding(finding: Finding | null): string {
  if (!finding) return 'it did not verify';
  const where = [
    finding.streamId === undefined ? null : `stream ${finding.streamId}`,
    finding.revision === undefined ? null : `revision ${finding.revision}`,
    finding.position === undefined ? null : `position ${finding.position}`,
    `leaf ${finding.leafIndex}`,
  ].filter(Boolean);
  return `${finding.kind.replace('_', ' ')} at ${where.join(', ')}: ${finding.message}`;
}
