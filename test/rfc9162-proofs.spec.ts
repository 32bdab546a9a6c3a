import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type ConsistencyInput,
  type Hash,
  type InclusionInput,
} from '@licensing/verifiable-log';

// The library's proofs and verifiers against a second reading of RFC 9162
// §2.1, written here from the RFC's text and sharing no code with the library,
// so that a misreading would have to be made twice to go unnoticed.

// ---- The independent reading: node:crypto only, and BigInt for every shift
// (JS `>>` truncates to 32 bits; logs may outgrow 2^31 entries). ----
const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
// §2.1.1: distinct prefixes keep leaves and interior nodes in separate domains.
const rfcLeaf = (d: Uint8Array): Hash => sha256(Uint8Array.of(0x00), d);
const rfcNode = (l: Hash, r: Hash): Hash => sha256(Uint8Array.of(0x01), l, r);
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(b);
const lsb = (x: bigint): boolean => (x & 1n) === 1n;
const isPowerOfTwo = (x: bigint): boolean => x > 0n && (x & (x - 1n)) === 0n;

/** MTH(D[n]) of §2.1.1, over the raw entries, straight from the recursive definition. */
const mth = (d: readonly Uint8Array[]): Hash => {
  if (d.length === 0) return sha256();
  if (d.length === 1) return rfcLeaf(d[0] as Uint8Array);
  let k = 1;
  while (k * 2 < d.length) k *= 2; // the largest power of two smaller than n
  return rfcNode(mth(d.slice(0, k)), mth(d.slice(k)));
};

/** §2.1.3.2, step by step. */
const rfcVerifyInclusion = (leafIndex: number, treeSize: number, hash: Hash, path: readonly Hash[], root: Hash) => {
  if (leafIndex >= treeSize) return false; // 1
  let [fn, sn] = [BigInt(leafIndex), BigInt(treeSize) - 1n]; // 2
  let r = hash; // 3
  for (const p of path) {
    if (sn === 0n) return false; // 4a
    if (lsb(fn) || fn === sn) {
      r = rfcNode(p, r); // 4b i
      while (!lsb(fn) && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n]; // 4b ii
    } else r = rfcNode(r, p); // 4b "Otherwise"
    [fn, sn] = [fn >> 1n, sn >> 1n]; // 4c
  }
  return sn === 0n && same(r, root); // 5
};

/** §2.1.4.2, step by step; the RFC states it for 0 < first < second only. */
const rfcVerifyConsistency = (
  first: number,
  second: number,
  firstHash: Hash,
  secondHash: Hash,
  proof: readonly Hash[],
) => {
  if (!(0 < first && first < second)) return false;
  if (proof.length === 0) return false; // 1
  const path = isPowerOfTwo(BigInt(first)) ? [firstHash, ...proof] : proof; // 2
  let [fn, sn] = [BigInt(first) - 1n, BigInt(second) - 1n]; // 3
  while (lsb(fn)) [fn, sn] = [fn >> 1n, sn >> 1n]; // 4
  let [fr, sr] = [path[0] as Hash, path[0] as Hash]; // 5
  for (const c of path.slice(1)) {
    if (sn === 0n) return false; // 6a
    if (lsb(fn) || fn === sn) {
      [fr, sr] = [rfcNode(c, fr), rfcNode(c, sr)]; // 6b i, ii
      while (!lsb(fn) && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n]; // 6b iii
    } else sr = rfcNode(sr, c); // 6b "Otherwise"
    [fn, sn] = [fn >> 1n, sn >> 1n]; // 6c
  }
  return same(fr, firstHash) && same(sr, secondHash) && sn === 0n; // 7
};

// A proof does not commit to the sizes by itself (the signed tree head does):
// a claim of another size runs the very same hash computation, and so passes,
// whenever the fn/sn walk above takes the same turns. These replay the walk
// without hashing so the mutation tests can state exactly which sizes pass.
const turns = (fn: bigint, sn: bigint): string => {
  let out = '';
  for (; sn > 0n; [fn, sn] = [fn >> 1n, sn >> 1n]) {
    out += lsb(fn) || fn === sn ? 'L' : 'R';
    if (lsb(fn) || fn === sn) while (!lsb(fn) && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return out;
};
const inclusionShape = (index: number, size: number) => turns(BigInt(index), BigInt(size) - 1n);
const consistencyShape = (m: number, n: number) => {
  let [fn, sn] = [BigInt(m) - 1n, BigInt(n) - 1n];
  while (lsb(fn)) [fn, sn] = [fn >> 1n, sn >> 1n];
  return (isPowerOfTwo(BigInt(m)) ? 'P' : '') + turns(fn, sn);
};

// ---- Both verifiers on one claim: they must agree on every claim, valid or not ----
const checkInclusion = (c: InclusionInput): boolean => {
  const rfc = rfcVerifyInclusion(c.index, c.treeSize, c.leafHash, c.proof, c.root);
  expect(verifyInclusion(c).ok).toBe(rfc);
  return rfc;
};
/** Not for valid claims with oldSize 0 or oldSize = newSize, which the RFC algorithm does not cover. */
const checkConsistency = (c: ConsistencyInput): boolean => {
  const rfc = rfcVerifyConsistency(c.oldSize, c.newSize, c.oldRoot, c.newRoot, c.proof);
  expect(verifyConsistency(c).ok).toBe(rfc);
  return rfc;
};
const incl = (treeSize: number, index: number, proof: Hash[], leafHash: Hash, root: Hash) =>
  checkInclusion({ leafHash, index, treeSize, proof, root });
const cons = (oldSize: number, newSize: number, proof: Hash[], oldRoot: Hash, newRoot: Hash): ConsistencyInput => {
  return { oldSize, newSize, proof, oldRoot, newRoot };
};

// ---- Generators and mutations ----
const forAll = <T>(arb: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(fc.property(arb, check), { numRuns: 200 });
// Random entries prefixed with their index, so no two leaves are equal: with
// equal leaves a swap or a moved index can be a genuine no-op.
const entries = (min: number) =>
  fc
    .integer({ min, max: 300 })
    .chain((n) => fc.array(fc.uint8Array({ maxLength: 16 }), { minLength: n, maxLength: n }))
    .map((raw) => raw.map((bytes, i) => new Uint8Array(Buffer.concat([Buffer.from(`${String(i)}:`), bytes]))));
const knobs = { a: fc.nat(), b: fc.nat(), bit: fc.nat(255) };
const flip = (h: Hash, bit: number): Hash => {
  const c = Uint8Array.from(h);
  c[bit >> 3] = (c[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return c;
};
/** Another value in 0..n+4 (so sometimes out of range), never `v` itself. */
const other = (v: number, n: number, a: number) => (v + 1 + (a % (n + 4))) % (n + 5);
const PROOF_MUTATIONS = ['flip', 'drop', 'append', 'swap'];
/** [mutated proof, still valid?]: an empty proof has nothing to flip or drop, a one-hash proof nothing to swap. */
const mutateProof = (proof: Hash[], kind: string, a: number, b: number, bit: number): [Hash[], boolean] => {
  const p = [...proof];
  const i = a % Math.max(p.length, 1);
  if (kind === 'append') return [[...p, sha256(Uint8Array.of(bit))], false];
  if (p.length < (kind === 'swap' ? 2 : 1)) return [proof, true];
  if (kind === 'flip') p[i] = flip(p[i] as Hash, bit);
  if (kind === 'drop') p.splice(i, 1);
  const j = (i + 1 + (b % Math.max(p.length - 1, 1))) % p.length;
  if (kind === 'swap') [p[i], p[j]] = [p[j] as Hash, p[i] as Hash];
  return [p, false];
};

describe('RFC 9162 proofs: the library against an independent reading of the RFC', () => {
  it('rootOf equals the recursive MTH, and leafHash the 0x00-prefixed SHA-256', () => {
    forAll(entries(0), (data) => {
      data.forEach((d) => expect(same(leafHash(d), rfcLeaf(d))).toBe(true));
      expect(same(rootOf(data.map(leafHash)), mth(data))).toBe(true);
    });
  });

  it('every inclusion proof and every consistency proof (0 ≤ m ≤ n) the library makes is accepted', () => {
    const arb = entries(1).chain((d) => fc.tuple(fc.constant(d), fc.nat(d.length - 1), fc.nat(d.length)));
    forAll(arb, ([data, index, m]) => {
      const [n, leaves, root] = [data.length, data.map(leafHash), mth(data)];
      const leaf = rfcLeaf(data[index] as Uint8Array);
      expect(incl(n, index, inclusionProof(leaves, index), leaf, root)).toBe(true);
      const claim = cons(m, n, consistencyProof(leaves, m), mth(data.slice(0, m)), root);
      // m = 0 and m = n lie outside the RFC algorithm's 0 < first < second: see the edge cases.
      if (m > 0 && m < n) expect(checkConsistency(claim)).toBe(true);
      else expect([claim.proof, verifyConsistency(claim).ok]).toEqual([[], true]);
    });
  });

  it('mutated inclusion claims: only the untouched, or a size with the same walk, pass', () => {
    const kinds = ['none', ...PROOF_MUTATIONS, 'index', 'size', 'root', 'leaf'];
    const arb = entries(1).chain((d) =>
      fc.record({ data: fc.constant(d), index: fc.nat(d.length - 1), kind: fc.constantFrom(...kinds), ...knobs }),
    );
    forAll(arb, ({ data, index, kind, a, b, bit }) => {
      const [n, leaves] = [data.length, data.map(leafHash)];
      const proof = inclusionProof(leaves, index);
      const claim = { leafHash: leaves[index] as Hash, index, treeSize: n, proof, root: mth(data) };
      let expected = kind === 'none';
      if (kind === 'index') claim.index = other(index, n, a); // distinct leaves: never a valid position
      if (kind === 'size') claim.treeSize = other(n, n, a);
      const n2 = claim.treeSize;
      if (kind === 'size') expected = index < n2 && inclusionShape(index, n2) === inclusionShape(index, n);
      if (kind === 'root') claim.root = flip(claim.root, bit);
      if (kind === 'leaf') claim.leafHash = flip(claim.leafHash, bit);
      if (PROOF_MUTATIONS.includes(kind)) [claim.proof, expected] = mutateProof(proof, kind, a, b, bit);
      expect(checkInclusion(claim)).toBe(expected);
    });
  });

  it('mutated consistency claims (0 < m < n): only the untouched, or sizes with the same walk, pass', () => {
    const kinds = ['none', ...PROOF_MUTATIONS, 'oldSize', 'newSize', 'oldRoot', 'newRoot'];
    const oldSize = (d: unknown[]) => fc.integer({ min: 1, max: d.length - 1 });
    const arb = entries(2).chain((d) =>
      fc.record({ data: fc.constant(d), m: oldSize(d), kind: fc.constantFrom(...kinds), ...knobs }),
    );
    forAll(arb, ({ data, m, kind, a, b, bit }) => {
      const n = data.length;
      const proof = consistencyProof(data.map(leafHash), m);
      const claim = cons(m, n, proof, mth(data.slice(0, m)), mth(data));
      let expected = kind === 'none';
      if (kind === 'oldSize') claim.oldSize = other(m, n, a);
      if (kind === 'newSize') claim.newSize = other(n, n, a);
      const [m2, n2] = [claim.oldSize, claim.newSize];
      if (kind.endsWith('Size')) expected = 0 < m2 && m2 < n2 && consistencyShape(m2, n2) === consistencyShape(m, n);
      if (kind === 'oldRoot') claim.oldRoot = flip(claim.oldRoot, bit);
      if (kind === 'newRoot') claim.newRoot = flip(claim.newRoot, bit);
      if (PROOF_MUTATIONS.includes(kind)) [claim.proof, expected] = mutateProof(proof, kind, a, b, bit);
      expect(checkConsistency(claim)).toBe(expected);
    });
  });
});

describe('RFC 9162 proofs: edge cases', () => {
  const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry-${String(i)}`));

  it('a size-1 tree: the path is empty, the root is the leaf hash, and an extra hash is refused', () => {
    const leaf = rfcLeaf(Buffer.from('only'));
    expect(inclusionProof([leaf], 0)).toEqual([]);
    expect(incl(1, 0, [], leaf, leaf)).toBe(true);
    expect(incl(1, 0, [leaf], leaf, rfcNode(leaf, leaf))).toBe(false);
  });

  it('every index (so also size - 1) and every 0 < m < n, at sizes 1..33 and powers of two', () => {
    for (const n of [...Array.from({ length: 33 }, (_, i) => i + 1), 64, 128, 256]) {
      const [d, leaves] = [data(n), data(n).map(leafHash)];
      for (let i = 0; i < n; i++) expect(incl(n, i, inclusionProof(leaves, i), leaves[i] as Hash, mth(d))).toBe(true);
      const claim = (m: number) => cons(m, n, consistencyProof(leaves, m), mth(d.slice(0, m)), mth(d));
      for (let m = 1; m < n; m++) expect(checkConsistency(claim(m))).toBe(true);
    }
  });

  it('m = n: the library wants an empty proof and equal roots; the RFC algorithm (step 1) has no such case', () => {
    // §2.1.4.1 defines PROOF(m, D[n]) for 0 < m < n only, and §2.1.4.2 fails an
    // empty path at step 1: "equal sizes need an empty proof and identical roots"
    // is the library's own rule (a sound one), checked here as the library's.
    const [root, root4] = [mth(data(5)), mth(data(4))];
    expect(consistencyProof(data(5).map(leafHash), 5)).toEqual([]);
    expect(verifyConsistency(cons(5, 5, [], root, root)).ok).toBe(true);
    expect(verifyConsistency(cons(5, 5, [], root4, root))).toMatchObject({ reason: 'root-mismatch' });
    expect(verifyConsistency(cons(5, 5, [root], root, root))).toMatchObject({ reason: 'wrong-proof-length' });
    expect(rfcVerifyConsistency(5, 5, root, root, [])).toBe(false);
  });

  it('m = 0: an empty proof, and the old root must be that of the empty tree (the RFC defines no proof from 0)', () => {
    // The empty tree is a prefix of every tree, so there is nothing to prove;
    // but an "ok" must not vouch for an old root it never compared with MTH({}) = SHA-256("").
    const [junk, root] = [new Uint8Array(32).fill(0xff), mth(data(3))];
    expect(consistencyProof(data(3).map(leafHash), 0)).toEqual([]);
    expect(verifyConsistency(cons(0, 3, [], sha256(), root)).ok).toBe(true);
    expect(verifyConsistency(cons(0, 3, [], junk, root))).toMatchObject({ reason: 'root-mismatch' });
    expect(verifyConsistency(cons(0, 3, [root], sha256(), root))).toMatchObject({ reason: 'wrong-proof-length' });
  });

  it('a proof does not commit to the size: the (index 0, size 4) proof also verifies as size 3', () => {
    const d = data(4);
    expect(inclusionShape(0, 3)).toBe(inclusionShape(0, 4));
    expect(incl(3, 0, inclusionProof(d.map(leafHash), 0), rfcLeaf(d[0] as Buffer), mth(d))).toBe(true);
  });

  it('sizes beyond 2^31 and 2^32 (hand-built trees; X stands in for a huge complete subtree)', () => {
    const [x, a, b] = ['X', 'a', 'b'].map((s) => sha256(Buffer.from(s))) as [Hash, Hash, Hash];
    const [t32, t40] = [2 ** 32, 2 ** 40];
    // Last leaf of 2^32 + 1: fn = sn = 2^32, which a 32-bit `>>` would turn into 0.
    expect(incl(t32 + 1, t32, [x], a, rfcNode(x, a))).toBe(true);
    // The last leaf of 2^40 + 3 leaves verifies, its left neighbour with that path does not.
    expect(incl(t40 + 3, t40 + 2, [a, x], b, rfcNode(x, rfcNode(a, b)))).toBe(true);
    expect(incl(t40 + 3, t40 + 1, [a, x], b, rfcNode(x, rfcNode(a, b)))).toBe(false);
    // 2^32 → 2^32 + 1: a power-of-two old size, so its root is prepended (step 2).
    expect(checkConsistency(cons(t32, t32 + 1, [a], x, rfcNode(x, a)))).toBe(true);
    const [old, next] = [rfcNode(x, a), rfcNode(x, rfcNode(a, b))];
    expect(checkConsistency(cons(t32 + 1, t32 + 2, [a, b, x], old, next))).toBe(true);
    expect(checkConsistency(cons(t32 + 1, t32 + 3, [a, b, x], old, next))).toBe(false);
  });
});
