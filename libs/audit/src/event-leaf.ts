import {
  canonicalJson,
  hashEventWithCanonicalParts,
  type SealedEvent,
  type StoredEventText,
} from '@licensing/event-store';
import type { Hash } from '@licensing/verifiable-log';
import { createHash, hash as oneShot } from 'node:crypto';

/**
 * What one event contributes to the verifiable log, computed from the event
 * as stored (never upcast): its leaf, H(0x00 ‖ canonical event), where the
 * canonical event is canonicalJson of the sealed envelope without its `$all`
 * position — `{data, id, integrity: {hash, prevHash}, metadata, revision,
 * streamId, type, version}` — and the per-stream chain hash recomputed from
 * the content, for the verifier to check the event's `integrity.hash`.
 * Leaving the position out keeps a leaf the same on every store (EventStoreDB
 * positions are not SQLite's); the leaf index is the event's place in the log.
 */
export interface EventDigest {
  readonly leaf: Hash;
  /** sha256 of the content after `integrity.prevHash`, as the stream's chain defines it. */
  readonly contentHash: string;
}

export function eventLeafBytes(event: SealedEvent): Buffer {
  return Buffer.from(leafJson(event, canonicalJson(event.data), canonicalJson(event.metadata)), 'utf8');
}

export function digestEvent(event: SealedEvent): EventDigest {
  const dataJson = canonicalJson(event.data);
  const metadataJson = canonicalJson(event.metadata);
  return {
    leaf: hashLeaf(leafJson(event, dataJson, metadataJson)),
    contentHash: hashEventWithCanonicalParts(event.integrity.prevHash, event, dataJson, metadataJson),
  };
}

/**
 * The same from the stored JSON text, as it is. It equals digestEvent's when
 * the text is canonical, which its own chain hash proves: when `contentHash`
 * matches `integrity.hash`, the text is the canonical one byte for byte.
 */
export function digestEventText(event: StoredEventText): EventDigest {
  return {
    leaf: hashLeaf(leafJson(event, event.dataJson, event.metadataJson)),
    contentHash: hashEventWithCanonicalParts(event.integrity.prevHash, event, event.dataJson, event.metadataJson),
  };
}

/**
 * The leaf alone, for the tree's follower: it takes events as stored and need
 * not check their chain. From the stored text when the store gives it (no
 * parsing, no re-serialising: the same bytes digestEventText hashes), else
 * from the parsed event made canonical.
 */
export function eventLeaf(event: SealedEvent | StoredEventText): Hash {
  return 'dataJson' in event
    ? hashLeaf(leafJson(event, event.dataJson, event.metadataJson))
    : hashLeaf(leafJson(event, canonicalJson(event.data), canonicalJson(event.metadata)));
}

const LEAF_PREFIX = Uint8Array.of(0x00);

/**
 * RFC 9162's leaf hash, SHA-256(0x00 ‖ UTF-8 bytes). U+0000 is the single
 * byte 0x00 in UTF-8, so one-shot `crypto.hash` (Node ≥ 20.12) over
 * "\u0000" + json hashes the same bytes with one call instead of four.
 */
const hashLeaf: (json: string) => Hash =
  typeof oneShot === 'function'
    ? (json) => oneShot('sha256', `\u0000${json}`, 'buffer')
    : (json) => createHash('sha256').update(LEAF_PREFIX).update(json, 'utf8').digest();

// The keys already in canonicalJson's order, so data and metadata are written once.
function leafJson(
  event: Pick<SealedEvent, 'id' | 'integrity' | 'revision' | 'streamId' | 'type' | 'version'>,
  dataJson: string,
  metadataJson: string,
): string {
  const q = JSON.stringify;
  return (
    `{"data":${dataJson},"id":${q(event.id)},` +
    `"integrity":{"hash":${q(event.integrity.hash)},"prevHash":${q(event.integrity.prevHash)}},` +
    `"metadata":${metadataJson},"revision":${q(String(event.revision))},"streamId":${q(event.streamId)},` +
    `"type":${q(event.type)},"version":${canonicalJson(event.version)}}`
  );
}
