import { createHash, hash as oneShot } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EventMetadata, ProposedEvent, SealedEvent, SealedEventText } from './envelope';

/** prevHash of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Places proposed events at `firstRevision…` of `streamId` and chains their
 * hashes from `previousHash` (the stream's last stored hash, or GENESIS_HASH).
 * Every adapter calls this inside its append, where it knows the previous
 * event, so the chain is identical whatever the store.
 *
 * data and metadata come back normalised to what storage will return
 * (bigint → string, undefined keys dropped), so the hash of what is read
 * back always matches.
 */
export function sealEvents(
  previousHash: string,
  streamId: string,
  firstRevision: bigint,
  proposed: readonly ProposedEvent[],
): SealedEvent[] {
  return sealEventTexts(previousHash, streamId, firstRevision, proposed).map((sealed) => ({
    id: sealed.id,
    type: sealed.type,
    version: sealed.version,
    streamId: sealed.streamId,
    revision: sealed.revision,
    // Parsed back from the hashed text: exactly what a reader will get.
    data: JSON.parse(sealed.dataJson) as unknown,
    metadata: JSON.parse(sealed.metadataJson) as EventMetadata,
    integrity: sealed.integrity,
  }));
}

/**
 * sealEvents for a store that writes JSON text: data and metadata are
 * canonicalised once, and the same strings feed the hash and the row, so
 * the stored text is the canonical one its hash covers (never parsed and
 * serialised again on the append path).
 */
export function sealEventTexts(
  previousHash: string,
  streamId: string,
  firstRevision: bigint,
  proposed: readonly ProposedEvent[],
): SealedEventText[] {
  let prevHash = previousHash;
  return proposed.map((event, index) => {
    const dataJson = canonicalJson(event.data);
    const metadataJson = canonicalJson(event.metadata);
    const placed = {
      id: event.id,
      type: event.type,
      version: event.version,
      streamId,
      revision: firstRevision + BigInt(index),
    };
    const hash = hashCanonical(prevHash, placed, dataJson, metadataJson);
    const sealed: SealedEventText = { ...placed, dataJson, metadataJson, integrity: { prevHash, hash } };
    prevHash = hash;
    return sealed;
  });
}

type Hashed = Pick<SealedEvent, 'id' | 'type' | 'version' | 'streamId' | 'revision' | 'data' | 'metadata'>;

/** sha256(prevHash + canonicalJson({id,type,version,streamId,revision,data,metadata})), hex. */
export function hashEvent(prevHash: string, event: Hashed): string {
  return hashCanonical(prevHash, event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/**
 * hashEvent for a caller that already holds `canonicalJson(event.data)` and
 * `canonicalJson(event.metadata)` (the verifiable log hashes them into its
 * leaf too), so a verifier serialises each event once.
 */
export function hashEventWithCanonicalParts(
  prevHash: string,
  event: Omit<Hashed, 'data' | 'metadata'>,
  dataJson: string,
  metadataJson: string,
): string {
  return hashCanonical(prevHash, event, dataJson, metadataJson);
}

/**
 * The same as canonicalJson over the seven hashed fields, written out with
 * their keys already in sorted order so data and metadata are serialised
 * only once per event (integrity.spec.ts pins the exact bytes).
 */
function hashCanonical(
  prevHash: string,
  event: Omit<Hashed, 'data' | 'metadata'>,
  dataJson: string,
  metadataJson: string,
): string {
  const envelope =
    `{"data":${dataJson},"id":${canonicalJson(event.id)},"metadata":${metadataJson},` +
    `"revision":${canonicalJson(event.revision)},"streamId":${canonicalJson(event.streamId)},` +
    `"type":${canonicalJson(event.type)},"version":${canonicalJson(event.version)}}`;
  return sha256Hex(prevHash + envelope);
}

// One-shot `crypto.hash` (Node ≥ 20.12) where there is one: the same digest, cheaper on the hot path of every append and verification.
const sha256Hex: (text: string) => string =
  typeof oneShot === 'function'
    ? (text) => oneShot('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

export interface IntegrityReport {
  readonly valid: boolean;
  /** The first revision whose link does not hold; absent when valid. */
  readonly firstBrokenRevision?: bigint;
  readonly reason: string;
}

/**
 * Checks a whole stream as stored, read forwards from revision 0 **without
 * upcasting** (`{ raw: true }`): the hash covers the stored schema version.
 * Detects any edited field, a removed, inserted or reordered event, and a
 * rewritten link; like every hash chain it cannot see the newest events
 * being truncated unless the last hash is anchored elsewhere.
 */
export function verifyStreamIntegrity(events: readonly SealedEvent[]): IntegrityReport {
  let prevHash = GENESIS_HASH;
  const streamId = events[0]?.streamId;
  for (const [index, event] of events.entries()) {
    const expectedRevision = BigInt(index);
    const broken = (reason: string): IntegrityReport => ({
      valid: false,
      firstBrokenRevision: expectedRevision,
      reason: `revision ${expectedRevision}: ${reason}`,
    });
    if (event.streamId !== streamId) return broken(`belongs to stream ${event.streamId}, not ${streamId}`);
    if (event.revision !== expectedRevision)
      return broken(`found revision ${event.revision} here; an event is missing or out of order`);
    if (event.integrity.prevHash !== prevHash) return broken('prevHash does not match the previous event’s hash');
    if (hashEvent(prevHash, event) !== event.integrity.hash) return broken('content does not match its hash');
    prevHash = event.integrity.hash;
  }
  return { valid: true, reason: `${events.length} events verified` };
}
