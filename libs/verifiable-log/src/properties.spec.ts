import fc from 'fast-check';
import { leafHash } from './hash';
import { consistencyProof, inclusionProof, rootOf } from './tree';
import { verifyConsistency, verifyInclusion } from './verify';
import { CompactRange } from './compact-range';

// Distinct leaves, so a wrong position can never hash to the right root by accident.
const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event-${String(i)}`)));
const flip = (h: Uint8Array, bit: number) => {
  const c = Uint8Array.from(h);
  const i = Math.floor(bit / 8) % 32;
  c[i] = (c[i] ?? 0) ^ (1 << (bit % 8));
  return c;
};
const size = fc.integer({ min: 1, max: 300 });
const bit = fc.integer({ min: 0, max: 255 });
const RUNS = { numRuns: 15 };

describe('properties over random trees', () => {
  it('every inclusion proof verifies against rootOf', () => {
    fc.assert(
      fc.property(size, (n) => {
        const tree = leaves(n);
        const root = rootOf(tree);
        tree.forEach((leaf, index) => {
          const proof = inclusionProof(tree, index);
          expect(verifyInclusion({ leafHash: leaf, index, treeSize: n, proof, root })).toEqual({ ok: true });
        });
      }),
      RUNS,
    );
  });

  it('every consistency proof for 0 ≤ m ≤ n verifies', () => {
    fc.assert(
      fc.property(size, (n) => {
        const tree = leaves(n);
        const newRoot = rootOf(tree);
        for (let m = 0; m <= n; m++) {
          const input = { oldSize: m, newSize: n, proof: consistencyProof(tree, m), oldRoot: rootOf(tree.slice(0, m)) };
          expect(verifyConsistency({ ...input, newRoot })).toEqual({ ok: true });
        }
      }),
      RUNS,
    );
  });

  it('the compact range root equals rootOf at every size and survives JSON', () => {
    fc.assert(
      fc.property(size, (n) => {
        const tree = leaves(n);
        let range = CompactRange.empty();
        tree.forEach((leaf, i) => {
          range = CompactRange.fromJSON(JSON.parse(JSON.stringify(range)));
          range.append(leaf);
          expect(range.size).toBe(i + 1);
          expect(range.root()).toEqual(rootOf(tree.slice(0, i + 1)));
        });
      }),
      RUNS,
    );
  });

  it('one flipped bit or a changed index breaks an inclusion proof', () => {
    const arb = size.chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1), bit, fc.nat()));
    fc.assert(
      fc.property(arb, ([n, index, other, b, pick]) => {
        const tree = leaves(n);
        const good = { leafHash: tree[index] as Uint8Array, index, treeSize: n, root: rootOf(tree) };
        const proof = inclusionProof(tree, index);
        const bad = [
          { ...good, proof, root: flip(good.root, b) },
          { ...good, proof, leafHash: flip(good.leafHash, b) },
          { ...good, proof, treeSize: n * 2 },
          { ...good, proof, treeSize: Math.floor(n / 2) },
        ];
        if (other !== index) bad.push({ ...good, proof, index: other });
        if (proof.length > 0) {
          const i = pick % proof.length;
          bad.push({ ...good, proof: proof.map((h, j) => (j === i ? flip(h, b) : h)) });
        }
        for (const input of bad) expect(verifyInclusion(input).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('one flipped bit or a changed size breaks a consistency proof', () => {
    const arb = fc
      .integer({ min: 2, max: 300 })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }), bit, fc.nat()));
    fc.assert(
      fc.property(arb, ([n, m, b, pick]) => {
        const tree = leaves(n);
        const proof = consistencyProof(tree, m);
        const good = { oldSize: m, newSize: n, proof, oldRoot: rootOf(tree.slice(0, m)), newRoot: rootOf(tree) };
        const i = pick % proof.length;
        const bad = [
          { ...good, oldRoot: flip(good.oldRoot, b) },
          { ...good, newRoot: flip(good.newRoot, b) },
          { ...good, proof: proof.map((h, j) => (j === i ? flip(h, b) : h)) },
          { ...good, oldSize: m - 1 },
          { ...good, oldSize: m + 1 },
          { ...good, newSize: n * 2 },
          { ...good, newSize: Math.floor(n / 2) },
        ];
        for (const input of bad) expect(verifyConsistency(input).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
