import { type BackupManifest, BackupRefused, writeBackup } from '@licensing/audit';
import { openSqliteEventStore } from '@licensing/event-store';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type AuditCommand,
  type CommandContext,
  parseOptions,
  required,
  SERVICE_OPTIONS,
  serviceTarget,
} from '../audit/command-options';
import { CliFailure, EXIT, UsageError } from '../cli-failure';
import { printJson } from '../output';
import { getJson, postJson } from '../service-client';
import { OFFLINE_KEY_USAGE, offlinePublicKey } from './backup-keys';
import { PhaseProgress } from './phase-progress';

const COMMAND = 'ops backup';
const OPTIONS = {
  ...SERVICE_OPTIONS,
  'data-dir': { type: 'string' },
  to: { type: 'string' },
  name: { type: 'string' },
  'public-key': { type: 'string' },
  'tree-head-key': { type: 'string' },
} as const;

const USAGE = `Usage: npm run cli -- ops backup --data-dir <DATA_DIR> --to <dir>     (the service stopped)
       npm run cli -- ops backup [--name <name>]                        (the service running)

An online, consistent backup of the event store and its verifiable log
(SQLite's backup API, never a file copy), with the public key of the log's
tree heads and a manifest (counts, last position, the newest signed head,
each file's SHA-256). Read models are not backed up: they are rebuilt from
the log. The tree-head signing key is a secret and is never in a backup.

  --data-dir <dir>       a stopped service's DATA_DIR: back it up from its files
  --to <dir>             with --data-dir: the backup directory to create (must not exist)
${OFFLINE_KEY_USAGE}
  --name <name>          without --data-dir: ask the running service (POST /ops/backups)
                         to write BACKUP_DIR/<name> (default backup-<time>), with an ops token
  --url <url>            the licensing service (default: env LICENSING_URL, else http://127.0.0.1:3000)
  --token <jwt>          an ops bearer token (default: env LICENSING_TOKEN)
  --json                 print the manifest (JSON) instead of text
  --help                 this text`;

interface Written {
  readonly directory: string;
  readonly manifest: BackupManifest;
  /** Where the directory is: here, or on the service's machine. */
  readonly where: 'local' | 'service';
}

export const backupCommand: AuditCommand = {
  name: 'backup',
  summary: 'back up the event store and its verifiable log, online and consistent',
  usage: USAGE,
  async run(argv, context) {
    const values = parseOptions(COMMAND, argv, OPTIONS);
    const dataDir = values['data-dir'];
    if (dataDir !== undefined && values.name !== undefined)
      throw new UsageError('--name is for a running service; with --data-dir, name the backup with --to.', COMMAND);
    if (dataDir === undefined && values.to !== undefined)
      throw new UsageError(
        '--to needs --data-dir (a stopped service); a running service writes into its BACKUP_DIR: name it with --name.',
        COMMAND,
      );
    const written = dataDir === undefined ? await online(values, context) : await offline(dataDir, values, context);
    if (values.json) printJson(context.io, { directory: written.directory, manifest: written.manifest });
    else context.io.out(describe(written));
    return EXIT.ok;
  },
};

async function offline(
  dataDir: string,
  values: { to?: string; 'public-key'?: string; 'tree-head-key'?: string },
  context: CommandContext,
): Promise<Written> {
  const to = resolve(required(values.to, 'to', COMMAND, 'the backup directory to create'));
  for (const file of ['events.sqlite', 'audit-log.sqlite'])
    if (!existsSync(join(dataDir, file)))
      throw new CliFailure(`${join(dataDir, file)} does not exist: is ${dataDir} the service's DATA_DIR?`);
  if (existsSync(to)) throw new CliFailure(`--to ${to} already exists: name a new backup directory.`);
  const publicKey = offlinePublicKey(values, context.env, dataDir, COMMAND);
  const store = openSqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  const progress = new PhaseProgress(context.io);
  try {
    const manifest = await writeBackup(
      {
        store,
        auditLogFile: join(dataDir, 'audit-log.sqlite'),
        publicKey,
        documentsDirectory: join(dataDir, 'documents'),
      },
      to,
      {
        createdAt: new Date().toISOString(),
        onProgress: ({ phase, copiedPages, totalPages }) => progress.show(phase, copiedPages, totalPages),
      },
    );
    return { directory: to, manifest, where: 'local' };
  } catch (error) {
    if (error instanceof BackupRefused) throw new CliFailure(`Backup not written: ${error.message}`);
    throw error;
  } finally {
    progress.stop();
    await store.close();
  }
}

interface Listing {
  readonly running: { phase: string; copiedPages: number; totalPages: number } | null;
}

/** POST /ops/backups, showing GET /ops/backups's progress of it until it answers. */
async function online(values: { name?: string; url?: string; token?: string }, context: CommandContext) {
  const target = serviceTarget(values, context.env, COMMAND, 'ops');
  const posted = postJson(target, '/ops/backups', values.name === undefined ? {} : { name: values.name }, 'ops');
  const answered = posted.then(
    () => true,
    () => true,
  );
  const progress = new PhaseProgress(context.io);
  try {
    for (;;) {
      const listing = (await getJson(target, '/ops/backups', {}, 'ops').catch(() => null)) as Listing | null;
      if (listing?.running)
        progress.show(listing.running.phase, listing.running.copiedPages, listing.running.totalPages);
      const done = await Promise.race([answered, new Promise<false>((r) => setTimeout(() => r(false), 250))]);
      if (done) break;
    }
  } finally {
    progress.stop();
  }
  const created = (await posted) as { directory: string; manifest: BackupManifest };
  return { directory: created.directory, manifest: created.manifest, where: 'service' as const };
}

function describe({ directory, manifest, where }: Written): string {
  const { events, streams, lastPosition } = manifest.eventStore;
  const { leaves, treeHead, keyId } = manifest.verifiableLog;
  const head = treeHead ? `newest signed head: size ${treeHead.treeSize}` : 'no head signed yet';
  return [
    `Backed up ${events} events in ${streams} streams (up to position ${lastPosition ?? 'none'}) and the verifiable log ` +
      `(${leaves} events recorded; ${head}; key ${keyId.slice(0, 16)}…) to ${directory}${where === 'service' ? " on the service's machine" : ''}.`,
    `Restore it, the service stopped: npm run cli -- ops restore --from ${directory} --data-dir <a new directory>`,
  ].join('\n');
}
