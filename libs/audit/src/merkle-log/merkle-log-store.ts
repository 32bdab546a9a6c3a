import type { StoredEvent } from '@licensing/event-store';
import {
  CompactRange,
  storedConsistencyProof,
  storedInclusionProof,
  storedRoot,
  type Hash,
  type SubtreeSource,
} from '@licensing/verifiable-log';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { eventLeaf } from '../event-leaf';
import type { SignedTreeHead } from '../log-proofs';
import { migrateAuditLog } from './schema.sql';

/** One leaf of the log: which event, and the hash recorded when it was first seen. */
export interface LeafRecord {
  readonly leafIndex: number;
  readonly position: bigint;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly hash: Hash;
}

interface LeafRow {
  leaf_index: bigint;
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  hash: Buffer;
}
interface HeadRow {
  tree_size: bigint;
  root_hash: string;
  timestamp: string;
  signature: string;
  key_id: string;
}

const LEAF_COLUMNS = 'leaf_index, position, event_id, stream_id, revision, hash FROM leaves l';

/**
 * The Merkle tree over `$all`, durable in SQLite: leaves appended in position
 * order, every completed perfect subtree stored as it completes, the compact
 * range kept in memory and saved with each batch. Never recomputed from
 * scratch; proofs for any tree size read O(log² n) subtrees.
 */
export class MerkleLogStore implements SubtreeSource {
  private range: CompactRange;
  private lastPosition_: bigint | null;
  private readonly sql: Record<
    | 'insertLeaf'
    | 'insertSubtree'
    | 'saveFrontier'
    | 'subtree'
    | 'leafHash'
    | 'leafByEvent'
    | 'leavesPage'
    | 'insertHead'
    | 'latestHead'
    | 'headsFrom'
    | 'headOfSize',
    Statement
  >;

  private constructor(private readonly db: Database) {
    migrateAuditLog(db);
    const q = (text: string) => db.prepare(text).safeIntegers(true);
    this.sql = {
      insertLeaf: q(
        'INSERT INTO leaves (leaf_index, position, event_id, stream_id, revision, hash) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertSubtree: q('INSERT INTO subtrees (level, node_index, hash) VALUES (?, ?, ?)'),
      saveFrontier: q('INSERT OR REPLACE INTO frontier (only_row, tree_size, hashes) VALUES (1, ?, ?)'),
      subtree: q('SELECT hash FROM subtrees WHERE level = ? AND node_index = ?').pluck(),
      leafHash: q('SELECT hash FROM leaves WHERE leaf_index = ?').pluck(),
      leafByEvent: q(`SELECT ${LEAF_COLUMNS} WHERE event_id = ?`),
      leavesPage: q(`SELECT ${LEAF_COLUMNS} WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?`),
      insertHead: q(
        'INSERT INTO tree_heads (tree_size, root_hash, timestamp, signature, key_id) VALUES (?, ?, ?, ?, ?)',
      ),
      latestHead: q('SELECT * FROM tree_heads ORDER BY seq DESC LIMIT 1'),
      headsFrom: q('SELECT * FROM tree_heads WHERE seq <= ? ORDER BY seq DESC LIMIT ?'),
      headOfSize: q('SELECT * FROM tree_heads WHERE tree_size = ? ORDER BY seq DESC LIMIT 1'),
    };
    [this.range, this.lastPosition_] = this.readFrontier();
    const leaves = Number(db.prepare('SELECT count(*) FROM leaves').pluck().get());
    if (leaves !== this.range.size) {
      throw new Error(`audit log: ${leaves} leaves but a frontier of ${this.range.size}; the file is damaged`);
    }
  }

  /** Re-reads the size and root from the file: another connection (the follower's worker) appends the leaves. */
  reload(): void {
    [this.range, this.lastPosition_] = this.readFrontier();
  }

  private readFrontier(): [CompactRange, bigint | null] {
    // One read transaction, so the frontier and the last position belong together.
    return this.db.transaction((): [CompactRange, bigint | null] => {
      const frontier = this.db.prepare('SELECT tree_size, hashes FROM frontier').get() as
        { tree_size: number; hashes: string } | undefined;
      const range = frontier
        ? CompactRange.fromJSON({ size: frontier.tree_size, hashes: JSON.parse(frontier.hashes) as string[] })
        : CompactRange.empty();
      const last = this.db
        .prepare('SELECT position FROM leaves ORDER BY leaf_index DESC LIMIT 1')
        .pluck()
        .safeIntegers(true)
        .get() as bigint | undefined;
      return [range, last ?? null];
    })();
  }

  static open(path: string): MerkleLogStore {
    const db = new BetterSqlite3(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return new MerkleLogStore(db);
  }

  /** Leaves in the tree. */
  get size(): number {
    return this.range.size;
  }

  /** `$all` position of the last leaf: where following the store resumes. */
  get lastPosition(): bigint | null {
    return this.lastPosition_;
  }

  /**
   * Appends events, as stored (raw), in `$all` order, in one transaction;
   * events at or before the last position are already leaves and skipped.
   */
  append(events: readonly StoredEvent[]): void {
    const range = CompactRange.fromJSON(this.range.toJSON());
    let last = this.lastPosition_;
    this.db.transaction(() => {
      for (const event of events) {
        if (last !== null && event.position <= last) continue;
        const index = range.size;
        const leaf = eventLeaf(event);
        this.sql.insertLeaf.run(index, event.position, event.id, event.streamId, event.revision, leaf);
        for (const node of range.append(leaf)) {
          if (node.level > 0) this.sql.insertSubtree.run(node.level, node.index, node.hash);
        }
        last = event.position;
      }
      this.sql.saveFrontier.run(range.size, JSON.stringify(range.toJSON().hashes));
    })();
    // Only after the commit: a failed transaction leaves memory as the file is.
    this.range = range;
    this.lastPosition_ = last;
  }

  subtree(level: number, index: number): Hash {
    const hash = (level === 0 ? this.sql.leafHash.get(index) : this.sql.subtree.get(level, index)) as
      Buffer | undefined;
    if (!hash) throw new RangeError(`audit log: no subtree ${level}/${index} in a tree of ${this.size}`);
    return new Uint8Array(hash);
  }

  /** The root of the first `treeSize` leaves (default: all). */
  root(treeSize = this.size): Hash {
    return treeSize === this.size ? this.range.root() : storedRoot(this, this.checkSize(treeSize));
  }

  inclusionProof(leafIndex: number, treeSize: number): Hash[] {
    return storedInclusionProof(this, leafIndex, this.checkSize(treeSize));
  }

  consistencyProof(oldSize: number, treeSize: number): Hash[] {
    return storedConsistencyProof(this, oldSize, this.checkSize(treeSize));
  }

  leafOfEvent(eventId: string): LeafRecord | null {
    return toLeaf(this.sql.leafByEvent.get(eventId) as LeafRow | undefined);
  }

  /**
   * Leaves from `leafIndex` on, in order, a page at a time: flat memory over a
   * million leaves, and no statement left open between pages (an open
   * iterator would keep the follower from writing on this connection).
   */
  *leavesFrom(leafIndex: number, pageSize = 2_000): Generator<LeafRecord> {
    for (let next = leafIndex; ;) {
      const rows = this.sql.leavesPage.all(next, pageSize) as LeafRow[];
      for (const row of rows) yield toLeaf(row) as LeafRecord;
      if (rows.length < pageSize) return;
      next += rows.length;
    }
  }

  saveTreeHead(head: SignedTreeHead): void {
    this.sql.insertHead.run(head.treeSize, head.rootHash, head.timestamp, head.signature, head.keyId);
  }

  latestTreeHead(): SignedTreeHead | null {
    const row = this.sql.latestHead.get() as (HeadRow & { seq: bigint }) | undefined;
    return row ? toHead(row) : null;
  }

  /** The newest head signed at exactly this size. */
  treeHeadOfSize(treeSize: number): SignedTreeHead | null {
    const row = this.sql.headOfSize.get(treeSize) as HeadRow | undefined;
    return row ? toHead(row) : null;
  }

  /** Newest first, at most `limit`, from the head numbered `beforeSeq` down (pages by `seq`). */
  treeHeads(limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): (SignedTreeHead & { seq: number })[] {
    const rows = this.sql.headsFrom.all(beforeSeq, limit) as (HeadRow & { seq: bigint })[];
    return rows.map((row) => ({ ...toHead(row), seq: Number(row.seq) }));
  }

  close(): void {
    this.db.close();
  }

  private checkSize(treeSize: number): number {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.size) {
      throw new RangeError(`tree size ${String(treeSize)} is outside 0..${this.size}`);
    }
    return treeSize;
  }
}

function toLeaf(row: LeafRow | undefined): LeafRecord | null {
  if (!row) return null;
  return {
    leafIndex: Number(row.leaf_index),
    position: row.position,
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    hash: row.hash, // a Buffer is a Uint8Array: no copy per leaf
  };
}

function toHead(row: HeadRow): SignedTreeHead {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    timestamp: row.timestamp,
    signature: row.signature,
    keyId: row.key_id,
  };
}
