import { GENESIS_HASH, type SealedEvent, type StoredEventText } from '@licensing/event-store';
import { CompactRange, hashEquals, toHex, type Hash } from '@licensing/verifiable-log';
import { digestEvent, digestEventText, type EventDigest } from '../event-leaf';
import type { SignedTreeHead } from '../log-proofs';
import type { Finding, FindingKind, VerificationReport } from './findings';

/** What the log recorded for one leaf. Online it comes from the audit log; offline from the export (untrusted until a root agrees). */
export interface RecordedLeaf {
  readonly hash: Hash;
  readonly eventId?: string;
  readonly position?: bigint;
}

/** What the checks read of an event besides its digest. */
type Placed = Pick<SealedEvent, 'id' | 'streamId' | 'revision' | 'integrity'>;

/** The parsed event, or null when its text is not even JSON (then its text digest stands, and fails). */
function parseText(event: StoredEventText): SealedEvent | null {
  try {
    const data = JSON.parse(event.dataJson) as unknown;
    const metadata = JSON.parse(event.metadataJson) as SealedEvent['metadata'];
    return { ...event, data, metadata };
  } catch {
    return null;
  }
}

interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * Checks a log one leaf at a time, in order, in flat memory (a frontier per
 * side and the last hash of each stream): every event against its own hash
 * and its stream's chain, against the leaf the log recorded for it, and the
 * roots of both sides against every signed tree head as its size is reached.
 * The recorded leaves are what lets a mismatch be placed exactly: once their
 * root equals a signed head's, each of them is as good as signed.
 *
 * The heads given must already have had their signatures verified.
 */
export class LogChecker {
  private readonly recomputed = CompactRange.empty();
  private readonly recorded = CompactRange.empty();
  private readonly streams = new Map<string, StreamHead>();
  private readonly heads: SignedTreeHead[];
  private nextHead = 0;
  private checkedHeads = 0;
  private first: Finding | null = null;
  private problems = 0;
  private lastGoodHeadSize = 0;

  constructor(heads: readonly SignedTreeHead[]) {
    this.heads = [...heads].sort((a, b) => a.treeSize - b.treeSize);
    this.reachHeads(); // heads of the empty log
  }

  /** One leaf: the stored event at this place (null: none) and what the log recorded here (null: nothing). */
  check(event: SealedEvent | null, recorded: RecordedLeaf | null, position?: bigint): void {
    const leafIndex = this.recomputed.size;
    if (!event) {
      if (recorded) {
        this.report(
          'missing',
          leafIndex,
          `the log recorded event ${recorded.eventId ?? '(unnamed)'} here; it is gone`,
          {
            eventId: recorded.eventId,
            position: recorded.position,
          },
        );
        this.recorded.append(recorded.hash);
        // Keep both sides at the same size: no event can give the zero leaf, so every later root is refused too.
        this.recomputed.append(new Uint8Array(32));
        this.reachHeads();
      }
      return;
    }
    this.checkDigested(event, digestEvent(event), recorded, position);
  }

  /**
   * The same for an event as stored text (EventStore.readAllText): hashed as
   * it is; only an event whose text does not give its own hash or its
   * recorded leaf (not canonical, or altered) is parsed and held to the
   * definition, so the verdict is the same and the common case skips JSON.
   */
  checkText(event: StoredEventText, recorded: RecordedLeaf | null): void {
    let digest = digestEventText(event);
    if (digest.contentHash !== event.integrity.hash || (recorded && !hashEquals(digest.leaf, recorded.hash))) {
      const parsed = parseText(event);
      if (parsed) digest = digestEvent(parsed);
    }
    this.checkDigested(event, digest, recorded, event.position);
  }

  private checkDigested(event: Placed, digest: EventDigest, recorded: RecordedLeaf | null, position?: bigint): void {
    const leafIndex = this.recomputed.size;
    const at = { eventId: event.id, streamId: event.streamId, revision: event.revision, position };
    const problem = this.chainProblem(event, digest.contentHash) ?? this.leafProblem(event, digest.leaf, recorded);
    if (problem) this.report(problem[0], leafIndex, problem[1], at);
    this.streams.set(event.streamId, { revision: event.revision, hash: event.integrity.hash });
    this.recomputed.append(digest.leaf);
    if (recorded) this.recorded.append(recorded.hash);
    this.reachHeads();
  }

  /** After the last leaf: a signed head larger than what was read means events are missing at the end. */
  finish(checkedEvents: number): VerificationReport {
    for (const head of this.heads.slice(this.nextHead)) {
      this.report(
        'missing',
        this.recomputed.size,
        `the log ends after ${this.recomputed.size} events, but a head signed at ${head.timestamp} covers ${head.treeSize}`,
        {},
      );
    }
    const treeSize = this.heads.at(-1)?.treeSize ?? 0;
    const ok = this.first === null;
    const summary = ok
      ? `${checkedEvents} events verified against ${this.checkedHeads} signed tree heads (size ${treeSize})`
      : `${this.problems} problems; the first at leaf ${this.first?.leafIndex}: ${this.first?.message}`;
    return {
      ok,
      checkedEvents,
      checkedTreeHeads: this.checkedHeads,
      treeSize,
      firstProblem: this.first,
      problems: this.problems,
      summary,
    };
  }

  private chainProblem(event: Placed, contentHash: string): [FindingKind, string] | null {
    if (contentHash !== event.integrity.hash)
      return ['content_altered', 'the event does not hash to its integrity.hash: its content was altered'];
    const previous = this.streams.get(event.streamId);
    const expectedRevision = previous ? previous.revision + 1n : 0n;
    if (event.revision !== expectedRevision)
      return ['chain_broken', `revision ${event.revision} follows revision ${expectedRevision - 1n} of its stream`];
    if (event.integrity.prevHash !== (previous?.hash ?? GENESIS_HASH))
      return ['chain_broken', "prevHash is not the hash of the stream's previous event"];
    return null;
  }

  private leafProblem(event: Placed, leaf: Hash, recorded: RecordedLeaf | null): [FindingKind, string] | null {
    if (!recorded) return null;
    if (recorded.eventId !== undefined && recorded.eventId !== event.id)
      return ['leaf_mismatch', `the log recorded event ${recorded.eventId} here, the store holds ${event.id}`];
    if (!hashEquals(leaf, recorded.hash))
      return ['leaf_mismatch', 'the event differs from the one the log recorded here (rewritten with new hashes?)'];
    return null;
  }

  private reachHeads(): void {
    const size = this.recomputed.size;
    for (let head = this.heads[this.nextHead]; head && head.treeSize <= size; head = this.heads[++this.nextHead]) {
      this.checkedHeads += 1;
      const from = this.lastGoodHeadSize;
      const bound = `the change lies in leaves ${from}..${size - 1}`;
      if (toHex(this.recomputed.root()) !== head.rootHash) {
        this.report(
          'root_mismatch',
          from,
          `the events up to leaf ${size - 1} do not give the root signed at ${head.timestamp}; ${bound}`,
          {},
        );
      } else {
        this.lastGoodHeadSize = size;
      }
      if (this.recorded.size === size && toHex(this.recorded.root()) !== head.rootHash) {
        this.report(
          'unrecorded',
          from,
          `the audit log's own leaf records disagree with the head signed at ${head.timestamp}`,
          {},
        );
      }
    }
  }

  private report(
    kind: FindingKind,
    leafIndex: number,
    message: string,
    at: { eventId?: string; streamId?: string; revision?: bigint; position?: bigint },
  ): void {
    this.problems += 1;
    if (this.first) return;
    this.first = {
      kind,
      leafIndex,
      message,
      ...(at.position !== undefined ? { position: at.position.toString() } : {}),
      ...(at.eventId !== undefined ? { eventId: at.eventId } : {}),
      ...(at.streamId !== undefined ? { streamId: at.streamId } : {}),
      ...(at.revision !== undefined ? { revision: Number(at.revision) } : {}),
    };
  }
}
