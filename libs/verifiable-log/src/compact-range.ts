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

  append(leafHash: Hash): void {
    if (!isHash(leafHash)) throw new TypeError('CompactRange.append: expected a 32-byte leaf hash');
    if (this.size_ >= Number.MAX_SAFE_INTEGER) throw new RangeError('CompactRange.append: size overflow');
    this.frontier.push(leafHash);
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    for (let s = this.size_; s % 2 === 1; s = Math.floor(s / 2)) {
      const right = this.frontier.pop() as Hash;
      const left = this.frontier.pop() as Hash;
      this.frontier.push(nodeHash(left, right));
    }
    this.size_ += 1;
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
