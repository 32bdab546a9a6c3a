import { EMPTY_ROOT, fromHex, isHash, nodeHash, toHex, type Hash } from './hash';

// The log grows by appends only, so it never needs its whole tree to know its
// root: the roots of the perfect subtrees covering [0, size) — one per set bit
// of size, largest (leftmost) first — are enough. Appending merges equal-height
// neighbours like a binary carry; the root folds them right to left, which is
// exactly MTH's split at the largest power of two below n.

export interface CompactRangeJson {
  size: number;
  hashes: string[];
}

const bitCount = (n: number): number => {
  let c = 0;
  for (; n > 0; n = Math.floor(n / 2)) c += n % 2;
  return c;
};

/** A perfect subtree that an append completed: leaves [index·2^level, (index+1)·2^level). */
export interface CompletedSubtree {
  readonly level: number;
  readonly index: number;
  readonly hash: Hash;
}

export class CompactRange {
  private constructor(
    private size_: number,
    private readonly frontier: Hash[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  get size(): number {
    return this.size_;
  }

  /**
   * Adds the next leaf and returns the perfect subtrees it completes, the leaf
   * itself first: what a durable store keeps to answer proofs (stored-tree.ts).
   */
  append(leafHash: Hash): CompletedSubtree[] {
    if (!isHash(leafHash)) throw new TypeError('CompactRange.append: expected a 32-byte leaf hash');
    if (this.size_ >= Number.MAX_SAFE_INTEGER) throw new RangeError('CompactRange.append: size overflow');
    const completed: CompletedSubtree[] = [{ level: 0, index: this.size_, hash: leafHash }];
    this.frontier.push(leafHash);
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    let index = this.size_;
    for (let s = this.size_; s % 2 === 1; s = Math.floor(s / 2)) {
      const right = this.frontier.pop() as Hash;
      const left = this.frontier.pop() as Hash;
      const hash = nodeHash(left, right);
      index = Math.floor(index / 2);
      completed.push({ level: completed.length, index, hash });
      this.frontier.push(hash);
    }
    this.size_ += 1;
    return completed;
  }

  /** MTH of the leaves appended so far, in O(log n). */
  root(): Hash {
    let r = this.frontier.at(-1);
    if (r === undefined) return EMPTY_ROOT;
    for (let i = this.frontier.length - 2; i >= 0; i--) r = nodeHash(this.frontier[i] as Hash, r);
    return r;
  }

  toJSON(): CompactRangeJson {
    return { size: this.size_, hashes: this.frontier.map(toHex) };
  }

  /** Refuses anything that is not a frontier of its size: stored state is checked, not trusted. */
  static fromJSON(json: CompactRangeJson): CompactRange {
    const { size, hashes } = json ?? ({} as CompactRangeJson);
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('CompactRange.fromJSON: bad size');
    if (!Array.isArray(hashes) || hashes.length !== bitCount(size)) {
      throw new RangeError(`CompactRange.fromJSON: size ${String(size)} needs ${String(bitCount(size))} hashes`);
    }
    const frontier = hashes.map((h) => (typeof h === 'string' ? fromHex(h) : new Uint8Array()));
    if (!frontier.every(isHash)) throw new TypeError('CompactRange.fromJSON: every hash must be 32 bytes of hex');
    return new CompactRange(size, frontier);
  }
}
