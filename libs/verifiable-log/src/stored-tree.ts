import { EMPTY_ROOT, nodeHash, type Hash } from './hash';
import { splitPoint } from './tree';

// The same RFC 9162 §2.1 root and proofs as tree.ts, for a log too big to hold
// in memory: every left operand of the MTH recursion is a perfect subtree
// aligned on its size, so a store that keeps each completed perfect subtree's
// hash (2n - 1 hashes for n leaves) answers any root or proof with O(log² n)
// lookups. CompactRange.append reports those subtrees as they complete.

/** Where the hashes of completed perfect subtrees are kept (level 0 = the leaves). */
export interface SubtreeSource {
  /** MTH of leaves [index·2^level, (index+1)·2^level); that range lies inside the tree. */
  subtree(level: number, index: number): Hash;
}

const log2 = (n: number): number => Math.round(Math.log2(n));
// Not `n & (n - 1)`: bitwise operators truncate to 32 bits, logs do not.
const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** log2(n) === n;

const checkRange = (what: string, value: number, max: number): void => {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${String(value)} is outside 0..${String(max)}`);
  }
};

const mth = (source: SubtreeSource, lo: number, hi: number): Hash => {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && lo % n === 0) return source.subtree(log2(n), lo / n);
  const k = splitPoint(n);
  return nodeHash(mth(source, lo, lo + k), mth(source, lo + k, hi));
};

/** MTH(D[size]) from stored subtrees. */
export const storedRoot = (source: SubtreeSource, size: number): Hash => {
  checkRange('size', size, Number.MAX_SAFE_INTEGER);
  return mth(source, 0, size);
};

const path = (source: SubtreeSource, m: number, lo: number, hi: number): Hash[] => {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(source, m, lo, lo + k), mth(source, lo + k, hi)]
    : [...path(source, m - k, lo + k, hi), mth(source, lo, lo + k)];
};

/** PATH(index, D[size]) from stored subtrees: the audit path, leaf side first. */
export const storedInclusionProof = (source: SubtreeSource, index: number, size: number): Hash[] => {
  checkRange('size', size, Number.MAX_SAFE_INTEGER);
  checkRange('index', index, size - 1);
  return path(source, index, 0, size);
};

const subproof = (source: SubtreeSource, m: number, lo: number, hi: number, complete: boolean): Hash[] => {
  const n = hi - lo;
  if (m === n) return complete ? [] : [mth(source, lo, hi)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(source, m, lo, lo + k, complete), mth(source, lo + k, hi)]
    : [...subproof(source, m - k, lo + k, hi, false), mth(source, lo, lo + k)];
};

/** PROOF(oldSize, D[size]) from stored subtrees; empty when oldSize is 0 or size. */
export const storedConsistencyProof = (source: SubtreeSource, oldSize: number, size: number): Hash[] => {
  checkRange('size', size, Number.MAX_SAFE_INTEGER);
  checkRange('oldSize', oldSize, size);
  if (oldSize === 0 || oldSize === size) return [];
  return subproof(source, oldSize, 0, size, true);
};
