import type { RecordedEvent, SealedEvent, StoredEvent, StoredEventText } from '@licensing/event-store';
import { z } from 'zod';

/**
 * `licensing-audit-export/v1`: NDJSON, one object per line (docs/audit-log.md).
 * 1. `header`: the signed tree head the export is made at, and its filter;
 *    `complete` when it holds every event of that tree, in order.
 * 2. `consistency` (optional): a proof that an older head the auditor holds is
 *    a prefix of this one.
 * 3. `event`, one per event, in log order: the envelope exactly as stored,
 *    the leaf index, the leaf hash the log recorded, and, when the export is
 *    not complete, the event's audit path to the header's root.
 * 4. `end`: how many events; without it the file was cut short.
 */
export const EXPORT_FORMAT = 'licensing-audit-export/v1';

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const Size = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Decimal = z.string().regex(/^(0|[1-9]\d{0,18})$/, 'expected a decimal integer');

export const ExportedTreeHead = z.strictObject({
  treeSize: Size,
  rootHash: Hex32,
  timestamp: z.string(),
  signature: z.string(),
  keyId: Hex32,
});

export const ExportFilter = z.strictObject({
  streamPrefix: z.string().optional(),
  recordedFrom: z.string().optional(),
  recordedTo: z.string().optional(),
});
export type ExportFilter = z.infer<typeof ExportFilter>;

export const ExportHeader = z.strictObject({
  kind: z.literal('header'),
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.string(),
  treeHead: ExportedTreeHead,
  filter: ExportFilter,
  complete: z.boolean(),
});

export const ExportConsistency = z.strictObject({
  kind: z.literal('consistency'),
  fromSize: Size,
  toSize: Size,
  proof: z.array(Hex32).max(128),
});

export const ExportedEnvelope = z.strictObject({
  id: z.string(),
  type: z.string(),
  version: z.number().int(),
  streamId: z.string(),
  revision: Decimal,
  position: Decimal,
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
  integrity: z.strictObject({ prevHash: Hex32, hash: Hex32 }),
});

export const ExportEvent = z.strictObject({
  kind: z.literal('event'),
  leafIndex: Size,
  leafHash: Hex32,
  event: ExportedEnvelope,
  auditPath: z.array(Hex32).max(128).optional(),
});

export const ExportEnd = z.strictObject({ kind: z.literal('end'), events: Size });

export const ExportLine = z.discriminatedUnion('kind', [ExportHeader, ExportConsistency, ExportEvent, ExportEnd]);
export type ExportLine = z.infer<typeof ExportLine>;

export function toExportedEnvelope(event: RecordedEvent): z.infer<typeof ExportedEnvelope> {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: event.position.toString(),
    data: event.data,
    metadata: event.metadata as unknown as Record<string, unknown>,
    integrity: event.integrity,
  };
}

/**
 * One `event` line (without its newline). From the stored text when the
 * store gives it: its data and metadata go into the line byte for byte, as
 * stored (the canonical text their chain hash covers), so nothing is parsed
 * and serialised again; the line reads back as the same envelope as the one
 * built from the parsed event.
 */
export function exportedEventLine(
  leafIndex: number,
  leafHash: string,
  event: StoredEvent,
  auditPath?: readonly string[],
): string {
  if (!('dataJson' in event) || hasLineBreak(event)) {
    const line: ExportLine = { kind: 'event', leafIndex, leafHash, event: toExportedEnvelope(parsedEvent(event)) };
    return JSON.stringify(auditPath === undefined ? line : { ...line, auditPath });
  }
  const q = JSON.stringify;
  const integrity = q({ prevHash: event.integrity.prevHash, hash: event.integrity.hash });
  return (
    `{"kind":"event","leafIndex":${leafIndex},"leafHash":${q(leafHash)},` +
    `"event":{"id":${q(event.id)},"type":${q(event.type)},"version":${q(event.version)},` +
    `"streamId":${q(event.streamId)},"revision":${q(String(event.revision))},"position":${q(String(event.position))},` +
    `"data":${event.dataJson},"metadata":${event.metadataJson},"integrity":${integrity}}` +
    `${auditPath === undefined ? '' : `,"auditPath":${q(auditPath)}`}}`
  );
}

/**
 * Canonical JSON has no line breaks, so only an altered row's text can hold
 * one (as whitespace between tokens): spliced in, it would cut the NDJSON
 * line in two. Such an event is parsed and written whole instead, and the
 * verifier then finds its hash wrong at its own leaf.
 */
function hasLineBreak(event: StoredEventText): boolean {
  return /[\r\n]/.test(event.dataJson) || /[\r\n]/.test(event.metadataJson);
}

function parsedEvent(event: StoredEvent): RecordedEvent {
  if (!('dataJson' in event)) return event;
  const { dataJson, metadataJson, ...envelope } = event;
  return {
    ...envelope,
    data: JSON.parse(dataJson) as unknown,
    metadata: JSON.parse(metadataJson) as RecordedEvent['metadata'],
  };
}

export function fromExportedEnvelope(envelope: z.infer<typeof ExportedEnvelope>): SealedEvent & { position: bigint } {
  return {
    id: envelope.id,
    type: envelope.type,
    version: envelope.version,
    streamId: envelope.streamId,
    revision: BigInt(envelope.revision),
    position: BigInt(envelope.position),
    data: envelope.data,
    metadata: envelope.metadata as unknown as SealedEvent['metadata'],
    integrity: envelope.integrity,
  };
}
