import { z } from 'zod';
import { ExportedTreeHead } from '../export/export-format';

/**
 * A backup is a directory: the event store and the verifiable log, each an
 * online copy made with SQLite's backup API, the public key that verifies
 * the log's tree heads, the documents' bytes (`documents/`, each file named
 * by its SHA-256, so it verifies itself), and `manifest.json`, written last. The signing key
 * is a secret and is never in it; read models are derived and need none.
 */
export const BACKUP_FORMAT = 'licensing-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const BACKUP_FILES = {
  eventStore: 'events.sqlite',
  verifiableLog: 'audit-log.sqlite',
  publicKey: 'tree-head-public-key.pem',
  manifest: 'manifest.json',
} as const;

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Decimal = z.string().regex(/^(0|[1-9]\d{0,18})$/, 'expected a decimal integer');

export const BackupFile = z.strictObject({
  name: z.enum([BACKUP_FILES.eventStore, BACKUP_FILES.verifiableLog, BACKUP_FILES.publicKey]),
  bytes: Count,
  sha256: Hex32,
});
export type BackupFile = z.infer<typeof BackupFile>;

export const BackupManifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  eventStore: z.strictObject({
    events: Count,
    streams: Count,
    /** `$all` position of the last event; null for an empty store. */
    lastPosition: Decimal.nullable(),
  }),
  verifiableLog: z.strictObject({
    /** Events the log had recorded; it may lag the store, and the restore catches it up. */
    leaves: Count,
    /** The newest signed head in the copy; null when none was signed yet. */
    treeHead: ExportedTreeHead.nullable(),
    keyId: Hex32,
  }),
  /** The documents' bytes (`documents/`), content-addressed: each file is named by its own SHA-256. */
  documents: z.strictObject({ documents: Count, bytes: Count }),
  files: z
    .array(BackupFile)
    .length(3)
    .refine((files) => new Set(files.map((file) => file.name)).size === 3, 'each file once'),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** Why a backup cannot be trusted: `code` is stable, the message says what is wrong and where. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The manifest as read from disk, or BackupRefused saying why it is none. */
export function parseManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupRefused('backup.manifest_unreadable', `manifest.json is not JSON: ${(error as Error).message}`);
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(top level)';
    throw new BackupRefused(
      'backup.manifest_unreadable',
      `manifest.json is not a ${BACKUP_FORMAT} v${BACKUP_FORMAT_VERSION} manifest: ${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
