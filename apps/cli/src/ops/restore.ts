import { BackupRefused, readBackupManifest, type RestoreReport, restoreBackup, RestoreRefused } from '@licensing/audit';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AuditCommand, JSON_OPTION, parseOptions, required } from '../audit/command-options';
import { CliFailure, EXIT } from '../cli-failure';
import { printJson } from '../output';
import { readKey } from './backup-keys';
import { PhaseProgress } from './phase-progress';

const COMMAND = 'ops restore';
const OPTIONS = {
  ...JSON_OPTION,
  from: { type: 'string' },
  'data-dir': { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'public-key': { type: 'string' },
  'tree-head-key': { type: 'string' },
} as const;

const USAGE = `Usage: npm run cli -- ops restore --from <backup> --data-dir <DATA_DIR> [options]

Restores a backup (ops backup, POST /ops/backups) as a service's DATA_DIR, the
service stopped. Nothing is put in place before all of it verifies, in a
directory beside the target: each file's SHA-256 against the manifest, both
databases sound, every event's hash and every stream's chain, every event
against the leaf the verifiable log recorded, every signed tree head's root
and signature. A damaged backup is refused (exit 1) naming what is wrong and
where, and the target is left as it was. The log's leaves for events it had
not recorded yet are appended; the read models are rebuilt when the service starts.

  --from <dir>           the backup directory (with its manifest.json)
  --data-dir <dir>       the DATA_DIR to restore into: absent or empty
  --force                restore over a directory that is not empty: it is moved to
                         <dir>.replaced-<time>, never deleted
  --dry-run              verify only; nothing is written
  --public-key <pem>     the tree heads must verify with this key (one you trust:
                         npm run cli -- audit public-key saves it); default the backup's own
  --tree-head-key <pem>  the signing key, put into <DATA_DIR>/tree-head-key.pem (it must
                         be the key that signed the backup's heads); or start the service
                         with TREE_HEAD_KEY_FILE set to it
  --json                 print the report (JSON) instead of text
  --help                 this text`;

export const restoreCommand: AuditCommand = {
  name: 'restore',
  summary: 'verify a backup, then restore it as a DATA_DIR (the service stopped)',
  usage: USAGE,
  async run(argv, { io }) {
    const values = parseOptions(COMMAND, argv, OPTIONS);
    const from = resolve(required(values.from, 'from', COMMAND, 'the backup directory'));
    const target = resolve(required(values['data-dir'], 'data-dir', COMMAND, 'the DATA_DIR to restore into'));
    if (!statSync(from, { throwIfNoEntry: false })?.isDirectory())
      throw new CliFailure(`--from ${from} is not a directory: give the backup directory (it holds manifest.json).`);
    const trusted = values['public-key'];
    const signing = values['tree-head-key'];
    const progress = new PhaseProgress(io);
    let report: RestoreReport;
    try {
      const events = readBackupManifest(from).eventStore.events;
      report = await restoreBackup(from, target, {
        force: values.force === true,
        dryRun: values['dry-run'] === true,
        ...(trusted === undefined ? {} : { trustedPublicKey: readKey(trusted, '--public-key', 'public', COMMAND) }),
        ...(signing === undefined ? {} : { treeHeadKey: readKey(signing, '--tree-head-key', 'private', COMMAND) }),
        onProgress: ({ checkedEvents }) => progress.show('verify', checkedEvents, events),
      });
    } catch (error) {
      if (error instanceof BackupRefused) {
        io.err(`Refused: ${error.message}\nNothing was restored; ${target} is as it was.`);
        return EXIT.failed;
      }
      if (error instanceof RestoreRefused) throw new CliFailure(`Not restored: ${error.message}`);
      throw error;
    } finally {
      progress.stop();
    }
    if (values.json) printJson(io, report);
    else io.out(describe(report, from));
    return EXIT.ok;
  },
};

function describe(report: RestoreReport, from: string): string {
  const { events, streams } = report.manifest.eventStore;
  const { checkedTreeHeads, treeSize } = report.verification;
  const keyId = `${report.manifest.verifiableLog.keyId.slice(0, 16)}…`;
  const verified =
    `${events} events in ${streams} streams verified: every hash and stream chain, the verifiable log's leaves, ` +
    `${checkedTreeHeads} signed tree heads (newest of size ${treeSize}, key ${keyId})`;
  if (!report.restored) return `Dry run: ${from} verifies (${verified}). Nothing was written.`;
  return [
    `Restored ${from} into ${report.target}: ${verified}.`,
    report.leavesAdded > 0
      ? `${report.leavesAdded} events the backup's log had not recorded yet were appended to it.`
      : null,
    report.replacedTo ? `What was in ${report.target} before is now in ${report.replacedTo}.` : null,
    report.treeHeadKeyInstalled
      ? `The tree-head key is in ${report.target}/tree-head-key.pem.`
      : `The tree heads are signed with key ${keyId}: start the service with TREE_HEAD_KEY_FILE set to that key ` +
        '(or restore with --tree-head-key), or it makes a new key and the old heads no longer verify online.',
    'Read models and remembered idempotent answers are not in a backup: the service rebuilds the read models from the log as it starts.',
  ]
    .filter((line) => line !== null)
    .join('\n');
}
