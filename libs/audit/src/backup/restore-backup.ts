import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MerkleLogFollower } from '../merkle-log/merkle-log-follower';
import { keyIdOf } from '../tree-head';
import type { VerificationReport } from '../verification/findings';
import { isEmptyDirectory, siblingOf, syncPath, writeDurably } from './backup-files';
import { BACKUP_FILES, type BackupManifest } from './backup-manifest';
import { readBackupManifest, verifyBackup, type VerifyBackupOptions } from './verify-backup';

/** The name the service looks for when TREE_HEAD_KEY_FILE is unset. */
export const TREE_HEAD_KEY_FILE = 'tree-head-key.pem';

export interface RestoreOptions extends VerifyBackupOptions {
  /** Replace a target that is not empty: it is moved aside (`TARGET.replaced-…`), never deleted. */
  readonly force?: boolean;
  /** Verify only: the target is not touched. */
  readonly dryRun?: boolean;
  /** The private key that signs the backup's tree heads, to put into TARGET/tree-head-key.pem. */
  readonly treeHeadKey?: KeyObject;
  /** For the name a replaced target is moved to. */
  readonly now?: () => Date;
}

export interface RestoreReport {
  readonly target: string;
  /** False on a dry run. */
  readonly restored: boolean;
  readonly manifest: BackupManifest;
  readonly verification: VerificationReport;
  /** Leaves appended to the restored log for events the backup's log had not recorded yet. */
  readonly leavesAdded: number;
  readonly treeHeadKeyInstalled: boolean;
  /** Where a non-empty target was moved (with force). */
  readonly replacedTo: string | null;
}

/** The restore cannot run as asked (a usage problem, not a damaged backup). */
export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Restores the backup in `from` as the data directory `target` (the service
 * stopped): everything is verified in a working directory beside the
 * target (verifyBackup), the verifiable log is caught up with the events
 * it had not recorded yet, and only then one rename puts it in place. A
 * damaged backup throws BackupRefused and the target is untouched.
 */
export async function restoreBackup(
  from: string,
  target: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const manifest = readBackupManifest(from);
  checkTarget(target, options);
  if (options.treeHeadKey && keyIdOf(createPublicKey(options.treeHeadKey)) !== manifest.verifiableLog.keyId)
    throw new RestoreRefused(
      'restore.wrong_tree_head_key',
      `the tree-head key given did not sign this backup's heads (they name key ${manifest.verifiableLog.keyId.slice(0, 16)}…).`,
    );
  mkdirSync(dirname(target), { recursive: true });
  const work = siblingOf(target, 'restoring');
  mkdirSync(work, { mode: 0o700 });
  try {
    const verified = await verifyBackup(from, work, options);
    let leavesAdded: number;
    try {
      const before = verified.tree.size;
      leavesAdded = (await new MerkleLogFollower(verified.store, verified.tree).catchUp()) - before;
    } finally {
      await verified.close();
    }
    rmSync(join(work, BACKUP_FILES.publicKey));
    if (options.treeHeadKey)
      writeDurably(
        join(work, TREE_HEAD_KEY_FILE),
        options.treeHeadKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        0o600,
      );
    const report = {
      target,
      manifest: verified.manifest,
      verification: verified.report,
      leavesAdded,
      treeHeadKeyInstalled: options.treeHeadKey !== undefined,
    };
    if (options.dryRun) return { ...report, restored: false, replacedTo: null };
    return { ...report, restored: true, replacedTo: place(work, target, options.now?.() ?? new Date()) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function checkTarget(target: string, options: RestoreOptions): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat || options.dryRun) return;
  if (!stat.isDirectory())
    throw new RestoreRefused('restore.target_not_directory', `${target} is a file: name a data directory.`);
  if (!options.force && !isEmptyDirectory(target))
    throw new RestoreRefused(
      'restore.target_not_empty',
      `${target} is not empty: stop the service and restore into a new directory, or pass --force to move the old one aside.`,
    );
}

/** One rename puts the verified directory in place; a non-empty target is moved aside first. */
function place(work: string, target: string, now: Date): string | null {
  let replacedTo: string | null = null;
  if (statSync(target, { throwIfNoEntry: false })) {
    if (isEmptyDirectory(target)) rmdirSync(target);
    else {
      replacedTo = `${target}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, replacedTo);
    }
  }
  renameSync(work, target);
  syncPath(dirname(target));
  return replacedTo;
}
