import { type EventStore, readAllAsStored, type RecordedEvent, type StoredEvent } from '@licensing/event-store';
import { toHex } from '@licensing/verifiable-log';
import type { SignedTreeHead } from '../log-proofs';
import type { MerkleLogStore } from '../merkle-log/merkle-log-store';
import { EXPORT_FORMAT, type ExportFilter, type ExportLine, exportedEventLine } from './export-format';
import { yieldToEventLoop } from '../yield-to-event-loop';

export interface ExportRequest {
  /** The signed head the export is made at: it holds the first `treeSize` events. */
  readonly treeHead: SignedTreeHead;
  readonly filter: ExportFilter;
  /** An older tree size the auditor holds a head for: a consistency proof to it is included. */
  readonly sinceTreeSize?: number;
  readonly exportedAt: string;
}

/** Receives each NDJSON line (with its newline); waiting on it is the back-pressure. */
export type LineSink = (line: string) => void | Promise<void>;

const BATCH = 2_000;

/**
 * Streams an export: the events of the tree at the head, read from the
 * store as stored, next to the leaves the log recorded. Never more than a
 * batch in memory. Returns the number of events written.
 */
export async function writeExport(
  store: EventStore,
  tree: MerkleLogStore,
  request: ExportRequest,
  sink: LineSink,
  onProgress?: (leavesRead: number, treeSize: number) => void | Promise<void>,
): Promise<number> {
  const { treeHead, filter } = request;
  const complete = !filter.streamPrefix && !filter.recordedFrom && !filter.recordedTo;
  const write = (line: ExportLine) => sink(`${JSON.stringify(line)}\n`);
  await write({ kind: 'header', format: EXPORT_FORMAT, exportedAt: request.exportedAt, treeHead, filter, complete });
  if (request.sinceTreeSize !== undefined) {
    const proof = tree.consistencyProof(request.sinceTreeSize, treeHead.treeSize).map(toHex);
    await write({ kind: 'consistency', fromSize: request.sinceTreeSize, toSize: treeHead.treeSize, proof });
  }
  const leaves = tree.leavesFrom(0);
  let written = 0;
  let read = 0;
  let fromPosition = 0n;
  while (read < treeHead.treeSize) {
    // Where the store gives its text, the lines carry data and metadata as stored, unparsed.
    const batch = await readAllAsStored(store, { fromPosition, maxCount: BATCH });
    for (const event of batch) {
      if (read === treeHead.treeSize) break;
      const leaf = leaves.next();
      if (leaf.done) break;
      const leafIndex = read++;
      if (!complete && !matches(filter, event)) continue;
      written += 1;
      const auditPath = complete ? undefined : tree.inclusionProof(leafIndex, treeHead.treeSize).map(toHex);
      await sink(`${exportedEventLine(leafIndex, toHex(leaf.value.hash), event, auditPath)}\n`);
    }
    await onProgress?.(read, treeHead.treeSize);
    if (batch.length < BATCH) break;
    fromPosition = (batch.at(-1)?.position ?? 0n) + 1n;
    await yieldToEventLoop();
  }
  await write({ kind: 'end', events: written });
  return written;
}

function matches(filter: ExportFilter, event: StoredEvent): boolean {
  if (filter.streamPrefix && !event.streamId.startsWith(filter.streamPrefix)) return false;
  if (!filter.recordedFrom && !filter.recordedTo) return true;
  const metadata =
    'metadataJson' in event ? (JSON.parse(event.metadataJson) as RecordedEvent['metadata']) : event.metadata;
  const at = Date.parse(metadata.recordedAt);
  if (filter.recordedFrom && at < Date.parse(filter.recordedFrom)) return false;
  if (filter.recordedTo && at >= Date.parse(filter.recordedTo)) return false;
  return true;
}
