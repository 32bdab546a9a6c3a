import { ExportConsistency, ExportEnd, ExportEvent, ExportHeader, type FindingKind } from '@licensing/audit';
import { Instant } from '@licensing/domain';
import { z } from 'zod';

/*
 * The answers of the verifiable log (GET/POST /audit/tree-heads…, /audit/public-key,
 * /audit/proofs/…, /audit/verify, /audit/export), as zod schemas of the JSON on
 * the wire; response-schemas.ts registers them with the others. The streamed
 * answers (NDJSON) are described one line at a time: the body is one such
 * object per line.
 */

const Count = z.int().min(0);
const Position = z.string().regex(/^\d{1,20}$/);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const SignedTreeHead = z
  .object({
    treeSize: Count.describe('The log held this many events (leaves of the tree: `$all` in order).'),
    rootHash: Sha256Hex.describe('The RFC 9162 Merkle tree hash of those leaves, hex.'),
    timestamp: Instant.describe('When the head was signed (UTC).'),
    signature: z
      .string()
      .regex(/^[A-Za-z0-9+/]{86}==$/)
      .describe(
        'Ed25519 over the lines `licensing-event-log tree head v1`, `size <treeSize>`, `root <rootHash>`, `time <timestamp>` (each ending in a newline), base64.',
      ),
    keyId: Sha256Hex.describe(
      "SHA-256 of the signing public key's SubjectPublicKeyInfo DER, hex: which key signed (GET /audit/public-key).",
    ),
  })
  .describe('A signed statement: the log held `treeSize` events, whose Merkle root is `rootHash`, at `timestamp`.');

export const EventInclusion = z
  .object({
    eventId: z.string(),
    streamId: z.string(),
    revision: Count.describe('Its place in its own stream.'),
    position: Position.describe('Its place in `$all`, as a decimal string.'),
    leafIndex: Count.describe('Its leaf in the tree: its place among the events of `$all`, 0-based.'),
    treeSize: Count.describe('The size of the tree the audit path leads to the root of.'),
    leafHash: Sha256Hex.describe('H(0x00 ‖ the canonical event), hex.'),
    auditPath: z.array(Sha256Hex).describe('Sibling hashes from the leaf up (RFC 9162), hex.'),
  })
  .describe("An event's RFC 9162 inclusion proof in the tree of `treeSize` leaves.");

export const TreeHeadsPage = z.object({
  treeHeads: z
    .array(
      z.object({
        ...SignedTreeHead.shape,
        seq: z.int().min(1).describe('The number of the head, in the order they were signed.'),
      }),
    )
    .describe('The signed tree heads, newest first.'),
  next: z
    .int()
    .min(1)
    .nullable()
    .describe("The next page's `before` (the number of the next older head); null: there is no older head."),
});

export const LogPublicKey = z
  .object({
    algorithm: z.literal('Ed25519'),
    keyId: Sha256Hex.describe("SHA-256 of the key's SubjectPublicKeyInfo DER, hex: the tree heads' `keyId`."),
    publicKeyPem: z
      .string()
      .regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/)
      .describe('The public key, SubjectPublicKeyInfo PEM.'),
  })
  .describe('The key that signs the tree heads.');

export const InclusionProof = z.object({
  treeHead: SignedTreeHead.describe('The signed head the proof leads to the root of.'),
  inclusion: EventInclusion,
});

export const ConsistencyProof = z.object({
  fromSize: Count,
  toSize: Count,
  fromRoot: Sha256Hex.describe('The root of the tree of `fromSize` leaves, hex.'),
  toRoot: Sha256Hex.describe('The root of the tree of `toSize` leaves (that of `toTreeHead`), hex.'),
  proof: z
    .array(Sha256Hex)
    .describe(
      'The RFC 9162 consistency proof that the tree of `fromSize` leaves is a prefix of the one of `toSize`, hex; empty when the sizes are equal or `fromSize` is 0.',
    ),
  toTreeHead: SignedTreeHead.describe('The signed head of size `toSize`.'),
});

const FINDING_KINDS = [
  'content_altered',
  'chain_broken',
  'leaf_mismatch',
  'missing',
  'root_mismatch',
  'bad_tree_head',
  'inconsistent_heads',
  'unrecorded',
  'malformed',
] as const satisfies readonly FindingKind[];

export const LogFinding = z
  .object({
    kind: z
      .enum(FINDING_KINDS)
      .describe(
        "`content_altered`: the event no longer hashes to its own `integrity.hash`; `chain_broken`: its prevHash or revision does not follow its stream; `leaf_mismatch`: it is not the event the log recorded here; `missing`: the log recorded a leaf here and the store has no event; `root_mismatch`: the events up to a signed head do not give its root; `bad_tree_head`: a head's signature does not hold; `inconsistent_heads`: two heads no append-only log could have produced; `unrecorded`: a record of the audit log itself was altered; `malformed`: an export line out of format (offline only).",
      ),
    leafIndex: Count.describe('The first leaf (place in `$all`, 0-based) found bad.'),
    position: Position.optional().describe("The event's `$all` position there, when known."),
    eventId: z.string().optional(),
    streamId: z.string().optional(),
    revision: Count.optional(),
    message: z.string(),
  })
  .describe('What a verification found wrong, at the first place it went wrong.');

export const LogVerificationProgress = z
  .object({
    kind: z.literal('progress'),
    checkedEvents: Count.describe('Events read and checked so far.'),
    recordedLeaves: Count.describe('Leaves the log has recorded: the work expected.'),
  })
  .describe('Written every 10 000 events and once at the end of the reading.');

export const LogVerificationReport = z
  .object({
    kind: z.literal('report'),
    ok: z.boolean().describe('Every event and every signed tree head verified.'),
    checkedEvents: Count.describe('Events read and checked.'),
    checkedTreeHeads: Count.describe('Signed tree heads whose roots were recomputed from the events.'),
    treeSize: Count.describe('The largest signed tree size checked against.'),
    firstProblem: LogFinding.nullable().describe('The first problem in log order; null: everything verified.'),
    problems: Count.describe('How many problems in all (each event counts once).'),
    summary: z.string(),
  })
  .describe('The last line: the outcome.');

export const LogVerificationLine = z
  .discriminatedUnion('kind', [LogVerificationProgress, LogVerificationReport])
  .describe(
    'One line of GET /audit/verify (NDJSON): `progress` lines while it reads, then exactly one `report` line. A body without its `report` line was cut short.',
  );

export const AuditExportHeader = ExportHeader.describe(
  'The first line: the format (`licensing-audit-export/v1`), the signed tree head the export is made at, its filter, and `complete` when it holds every event of that tree, in order.',
);
export const AuditExportConsistency = ExportConsistency.describe(
  "Only with sinceTreeSize, second: the RFC 9162 proof that the tree of `fromSize` leaves is a prefix of the header's (hex).",
);
export const AuditExportEvent = ExportEvent.describe(
  "One per event, in log order: the envelope exactly as stored (revision and position as decimal strings), its leaf index, the leaf hash the log recorded, and, when the export is not complete, its audit path to the header's root.",
);
export const AuditExportEnd = ExportEnd.describe(
  'The last line: how many events; without it the export was cut short.',
);

export const AuditExportLine = z
  .discriminatedUnion('kind', [AuditExportHeader, AuditExportConsistency, AuditExportEvent, AuditExportEnd])
  .describe(
    'One line of GET /audit/export (NDJSON, `licensing-audit-export/v1`): a `header`, an optional `consistency`, the `event`s, then an `end`.',
  );
