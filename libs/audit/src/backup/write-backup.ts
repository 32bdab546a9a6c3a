import { onlineBackup, type SqliteEventStore, summarizeSqliteStore } from '@licensing/event-store';
import BetterSqlite3 from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MerkleLogStore } from '../merkle-log/merkle-log-store';
import { keyIdOf, verifyTreeHead } from '../tree-head';
import { copyDocuments, DOCUMENTS_DIRECTORY } from './backup-documents';
import { digestFile, siblingOf, syncPath, writeDurably } from './backup-files';
import {
  BACKUP_FILES,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupFile,
  type BackupManifest,
  BackupRefused,
} from './backup-manifest';

export interface BackupSources {
  /** The embedded store to copy: the service's own connection (online), or one opened on a stopped service's file. */
  readonly store: Pick<SqliteEventStore, 'backup'>;
  /** The verifiable log's file (`DATA_DIR/audit-log.sqlite`). */
  readonly auditLogFile: string;
  /** The key that verifies the log's tree heads (never the private key: that is a secret kept elsewhere). */
  readonly publicKey: KeyObject;
  /** The documents' bytes (`DATA_DIR/documents`); absent or missing: there are none. */
  readonly documentsDirectory?: string;
}

export type BackupPhase = 'verifiable-log' | 'event-store';

export interface BackupProgress {
  readonly phase: BackupPhase;
  readonly copiedPages: number;
  readonly totalPages: number;
}

export interface BackupOptions {
  /** When the backup was made (ISO instant): the manifest's `createdAt`. */
  readonly createdAt: string;
  /** Pages per step of SQLite's backup (default 100); appends run between steps. */
  readonly pagesPerStep?: number;
  readonly onProgress?: (progress: BackupProgress) => void;
}

/**
 * Writes a backup into `directory`, which must not exist yet: built in a
 * hidden sibling and renamed into place once whole, so a backup directory
 * is either complete or absent.
 *
 * The verifiable log is copied first and the store second, so the copy of
 * the log never holds an event the copy of the store lacks: it may lag
 * (events appended meanwhile), and the restore appends their leaves.
 */
export async function writeBackup(
  sources: BackupSources,
  directory: string,
  options: BackupOptions,
): Promise<BackupManifest> {
  if (existsSync(directory))
    throw new BackupRefused('backup.exists', `${directory} already exists: name a new backup directory.`);
  mkdirSync(dirname(directory), { recursive: true });
  const partial = siblingOf(directory, 'partial');
  mkdirSync(partial);
  try {
    const copy = (phase: BackupPhase) => ({
      ...(options.pagesPerStep === undefined ? {} : { pagesPerStep: options.pagesPerStep }),
      onProgress: ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) =>
        options.onProgress?.({ phase, copiedPages: totalPages - remainingPages, totalPages }),
    });
    const auditLog = new BetterSqlite3(sources.auditLogFile, { fileMustExist: true });
    try {
      await onlineBackup(auditLog, join(partial, BACKUP_FILES.verifiableLog), copy('verifiable-log'));
    } finally {
      auditLog.close();
    }
    await sources.store.backup(join(partial, BACKUP_FILES.eventStore), copy('event-store'));
    // After the store: every document an event of the copy names was stored before that event.
    const documents = copyDocuments(sources.documentsDirectory, join(partial, DOCUMENTS_DIRECTORY));
    writeDurably(
      join(partial, BACKUP_FILES.publicKey),
      sources.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: options.createdAt,
      eventStore: storeSummary(join(partial, BACKUP_FILES.eventStore)),
      verifiableLog: logSummary(join(partial, BACKUP_FILES.verifiableLog), sources.publicKey),
      documents,
      files: await digests(partial),
    };
    writeDurably(join(partial, BACKUP_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    syncPath(partial);
    renameSync(partial, directory);
    syncPath(dirname(directory));
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Read from the copy itself: what the backup holds, not what the live store held at some moment. */
function storeSummary(file: string): BackupManifest['eventStore'] {
  const { events, streams, lastPosition } = summarizeSqliteStore(file);
  return { events, streams, lastPosition: lastPosition?.toString() ?? null };
}

function logSummary(file: string, publicKey: KeyObject): BackupManifest['verifiableLog'] {
  const tree = MerkleLogStore.open(file);
  try {
    const treeHead = tree.latestTreeHead();
    const check = treeHead ? verifyTreeHead(treeHead, publicKey) : { ok: true as const };
    if (!check.ok)
      throw new BackupRefused(
        'backup.wrong_public_key',
        `the log's newest tree head does not verify with the public key given (${check.message}): give the key that signs this log's heads`,
      );
    return { leaves: tree.size, treeHead, keyId: keyIdOf(publicKey) };
  } finally {
    tree.close();
  }
}

async function digests(directory: string): Promise<BackupFile[]> {
  const names = [BACKUP_FILES.eventStore, BACKUP_FILES.verifiableLog, BACKUP_FILES.publicKey] as const;
  const files: BackupFile[] = [];
  for (const name of names) {
    syncPath(join(directory, name));
    files.push({ name, ...(await digestFile(join(directory, name))) });
  }
  return files;
}
