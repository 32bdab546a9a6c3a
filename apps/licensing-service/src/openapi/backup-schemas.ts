import { Instant } from '@licensing/domain';
import { z } from 'zod';
import { SignedTreeHead } from './verifiable-log-schemas';

/*
 * The answers of /ops/backups, as zod schemas of the JSON on the wire;
 * response-schemas.ts registers them with the others.
 */

const Count = z.int().min(0);
const Position = z.string().regex(/^\d{1,20}$/);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const BackupManifest = z
  .object({
    format: z.literal('licensing-backup'),
    formatVersion: z.literal(1),
    createdAt: Instant.describe('When the backup began (UTC).'),
    eventStore: z.object({
      events: Count.describe('Events in the copy of the store.'),
      streams: Count,
      lastPosition: Position.nullable().describe('`$all` position of its last event; null: empty.'),
    }),
    verifiableLog: z.object({
      leaves: Count.describe(
        'Events the copy of the verifiable log had recorded: at most the store’s; a restore appends the rest.',
      ),
      treeHead: SignedTreeHead.nullable().describe(
        'The newest signed head in the copy: signed when the backup began, over every event committed then.',
      ),
      keyId: Sha256Hex.describe(
        'The key that verifies the heads (its public key is in the backup; never the private key).',
      ),
    }),
    documents: z
      .object({ documents: Count, bytes: Count })
      .describe(
        'The documents’ bytes copied into `documents/` (after the store, so every document an event names is there); each file is named by its SHA-256, which a restore checks.',
      ),
    files: z
      .array(
        z.object({
          name: z.enum(['events.sqlite', 'audit-log.sqlite', 'tree-head-public-key.pem']),
          bytes: Count,
          sha256: Sha256Hex,
        }),
      )
      .describe('Every file of the backup with its size and SHA-256, checked first by a restore.'),
  })
  .describe('`manifest.json` of a backup directory.');

const RunningBackup = z
  .object({
    name: z.string(),
    startedAt: Instant,
    phase: z
      .enum(['signing', 'verifiable-log', 'event-store'])
      .describe('Signing a tree head over what is committed, then copying the verifiable log, then the store.'),
    copiedPages: Count.describe('SQLite pages copied of the file the phase copies.'),
    totalPages: Count,
  })
  .describe('The backup running now.');

export const CreatedBackup = z.object({
  name: z.string().describe('The backup directory under BACKUP_DIR.'),
  directory: z.string().describe('Its path on the server.'),
  manifest: BackupManifest,
  tookMs: Count,
});

export const BackupListing = z.object({
  directory: z.string().describe('BACKUP_DIR on the server.'),
  running: RunningBackup.nullable(),
  backups: z
    .array(z.object({ name: z.string(), manifest: BackupManifest }))
    .describe('Each backup by name, with its manifest (read, not verified: a restore verifies).'),
  unreadable: z
    .array(z.object({ name: z.string(), problem: z.string() }))
    .describe('Directories in BACKUP_DIR without a readable manifest.'),
});
