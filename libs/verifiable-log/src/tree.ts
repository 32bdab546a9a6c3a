import { EMPTY_ROOT, nodeHash, type Hash } from './hash';

// The Merkle Tree Hash and the proofs of RFC 9162 §2.1, over the whole list of
// leaf hashes. This is the server side (it holds every leaf); the verifiers in
// verify.ts need none of it.

/** The largest power of two strictly smaller than n (n ≥ 2): the RFC's split point k. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const checkSize = (leaves: readonly Hash[], what: string, value: number, max: number): void => {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${String(value)} is outside 0..${String(max)} (tree of ${String(leaves.length)})`);
  }
};

// Ranges [lo, hi) instead of slices so the recursion does not copy the leaves.
const mth = (d: readonly Hash[], lo: number, hi: number): Hash => {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return d[lo] as Hash;
  const k = splitPoint(n);
  return nodeHash(mth(d, lo, lo + k), mth(d, lo + k, hi));
};

/** MTH(D[n]) (§2.1.1). */
export const rootOf = (leafHashes: readonly Hash[]): Hash => mth(leafHashes, 0, leafHashes.length);

const path = (m: number, d: readonly Hash[], lo: number, hi: number): Hash[] => {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k ? [...path(m, d, lo, lo + k), mth(d, lo + k, hi)] : [...path(m - k, d, lo + k, hi), mth(d, lo, lo + k)];
};

/** PATH(m, D[n]) (§2.1.3.1): the audit path of leaf `index`, leaf side first. */
export const inclusionProof = (leafHashes: readonly Hash[], index: number): Hash[] => {
  checkSize(leafHashes, 'index', index, leafHashes.length - 1);
  return path(index, leafHashes, 0, leafHashes.length);
};

const subproof = (m: number, d: readonly Hash[], lo: number, hi: number, complete: boolean): Hash[] => {
  const n = hi - lo;
  if (m === n) return complete ? [] : [mth(d, lo, hi)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, d, lo, lo + k, complete), mth(d, lo + k, hi)]
    : [...subproof(m - k, d, lo + k, hi, false), mth(d, lo, lo + k)];
};

/** PROOF(m, D[n]) (§2.1.4.1): empty when m is 0 or n, the trivially consistent cases. */
export const consistencyProof = (leafHashes: readonly Hash[], oldSize: number): Hash[] => {
  checkSize(leafHashes, 'oldSize', oldSize, leafHashes.length);
  if (oldSize === 0 || oldSize === leafHashes.length) return [];
  return subproof(oldSize, leafHashes, 0, leafHashes.length, true);
};
