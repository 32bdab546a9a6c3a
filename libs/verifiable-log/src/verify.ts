import { EMPTY_ROOT, hashEquals, isHash, nodeHash, type Hash } from './hash';

// The verifiers of RFC 9162 §2.1.3.2 and §2.1.4.2. They trust nothing they are
// given: every input is checked before it is used, a proof must have exactly
// the length the sizes imply, and hostile input yields a reason, never a throw.
// Bit tests use arithmetic because JS bitwise operators truncate to 32 bits.

export type VerifyFailure =
  | 'invalid-size'
  | 'index-out-of-range'
  | 'old-size-exceeds-new-size'
  | 'malformed-proof'
  | 'wrong-proof-length'
  | 'bad-hash-length'
  | 'root-mismatch'
  | 'old-root-mismatch'
  | 'new-root-mismatch';
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure; message: string };

const OK: VerifyResult = { ok: true };
const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ ok: false, reason, message });
const odd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);
const isSize = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

// The inner loop of both algorithms: how fn and sn move for one proof element.
// Returns the new [fn, sn] and whether the element was on the left.
const step = (fn: number, sn: number): [number, number, boolean] => {
  if (odd(fn) || fn === sn) {
    while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    return [half(fn), half(sn), true];
  }
  return [half(fn), half(sn), false];
};
/** Proof elements the loop consumes before sn reaches 0: the only valid length. */
const stepsToTop = (fn: number, sn: number): number => {
  let n = 0;
  for (; sn > 0; n++) [fn, sn] = step(fn, sn);
  return n;
};

const checkProof = (proof: unknown, expected: number): VerifyResult | Hash[] => {
  if (!Array.isArray(proof)) return fail('malformed-proof', 'proof is not an array');
  if (proof.length !== expected) {
    return fail('wrong-proof-length', `proof has ${String(proof.length)} hashes, expected ${String(expected)}`);
  }
  const bad = proof.findIndex((h) => !isHash(h));
  return bad >= 0 ? fail('bad-hash-length', `proof[${String(bad)}] is not a 32-byte hash`) : (proof as Hash[]);
};

export interface InclusionInput {
  leafHash: Hash;
  index: number;
  treeSize: number;
  proof: readonly Hash[];
  root: Hash;
}

export const verifyInclusion = (input: InclusionInput): VerifyResult => {
  const { leafHash, index, treeSize, proof, root } = input ?? ({} as InclusionInput);
  if (!isSize(index) || !isSize(treeSize)) return fail('invalid-size', 'index and treeSize must be safe integers ≥ 0');
  if (index >= treeSize) return fail('index-out-of-range', `index ${String(index)} ≥ treeSize ${String(treeSize)}`);
  if (!isHash(leafHash) || !isHash(root)) return fail('bad-hash-length', 'leafHash and root must be 32-byte hashes');
  const path = checkProof(proof, stepsToTop(index, treeSize - 1));
  if (!Array.isArray(path)) return path;
  let [fn, sn, r] = [index, treeSize - 1, leafHash];
  for (const p of path) {
    let left: boolean;
    [fn, sn, left] = step(fn, sn);
    r = left ? nodeHash(p, r) : nodeHash(r, p);
  }
  return hashEquals(r, root) ? OK : fail('root-mismatch', 'the proof does not lead to the given root');
};

export interface ConsistencyInput {
  oldSize: number;
  newSize: number;
  proof: readonly Hash[];
  oldRoot: Hash;
  newRoot: Hash;
}

export const verifyConsistency = (input: ConsistencyInput): VerifyResult => {
  const { oldSize, newSize, proof, oldRoot, newRoot } = input ?? ({} as ConsistencyInput);
  if (!isSize(oldSize) || !isSize(newSize)) return fail('invalid-size', 'sizes must be safe integers ≥ 0');
  if (oldSize > newSize) return fail('old-size-exceeds-new-size', `${String(oldSize)} > ${String(newSize)}`);
  if (!isHash(oldRoot) || !isHash(newRoot)) return fail('bad-hash-length', 'roots must be 32-byte hashes');
  // §2.1.4.1: from 0 and between equal sizes the proof is empty; equal sizes need equal roots.
  if (oldSize === 0 || oldSize === newSize) {
    const empty = checkProof(proof, 0);
    if (!Array.isArray(empty)) return empty;
    // From size 0 the old root must be MTH({}): an "ok" must never vouch for a root it did not check.
    if (oldSize === 0)
      return hashEquals(oldRoot, EMPTY_ROOT) ? OK : fail('root-mismatch', 'the empty tree has the root SHA-256("")');
    return hashEquals(oldRoot, newRoot) ? OK : fail('root-mismatch', 'equal sizes, different roots');
  }
  // Step 4 of §2.1.4.2: skip the levels where the old tree is a complete left subtree.
  let [fn, sn] = [oldSize - 1, newSize - 1];
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  const powerOfTwo = fn === 0; // oldSize = 2^k: its root is the first node, not in the proof
  const path = checkProof(proof, (powerOfTwo ? 0 : 1) + stepsToTop(fn, sn));
  if (!Array.isArray(path)) return path;
  const all = powerOfTwo ? [oldRoot, ...path] : path;
  let fr = all[0] as Hash;
  let sr = fr;
  for (const c of all.slice(1)) {
    let left: boolean;
    [fn, sn, left] = step(fn, sn);
    if (left) [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
    else sr = nodeHash(sr, c);
  }
  if (!hashEquals(fr, oldRoot)) return fail('old-root-mismatch', 'the proof does not lead to the old root');
  return hashEquals(sr, newRoot) ? OK : fail('new-root-mismatch', 'the proof does not lead to the new root');
};
