import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { leafHash, toHex, type Hash } from './hash';
import { storedConsistencyProof, storedInclusionProof, storedRoot, type SubtreeSource } from './stored-tree';
import { consistencyProof, inclusionProof, rootOf } from './tree';

/** A store built only from what CompactRange.append reports, as the durable log does. */
function storeOf(leaves: readonly Hash[]): SubtreeSource & { reads: number } {
  const nodes = new Map<string, Hash>();
  const range = CompactRange.empty();
  for (const leaf of leaves) for (const n of range.append(leaf)) nodes.set(`${n.level}/${n.index}`, n.hash);
  const source = {
    reads: 0,
    subtree(level: number, index: number): Hash {
      source.reads += 1;
      const hash = nodes.get(`${level}/${index}`);
      if (!hash) throw new Error(`subtree ${level}/${index} was never completed`);
      return hash;
    },
  };
  return source;
}

const leavesOf = (n: number): Hash[] => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const hex = (hashes: readonly Hash[]) => hashes.map(toHex);

describe('proofs from stored subtrees', () => {
  it('give the same roots and proofs as the in-memory tree, for every size, index and old size up to 70', () => {
    const all = leavesOf(70);
    for (let size = 1; size <= 70; size++) {
      const leaves = all.slice(0, size);
      const store = storeOf(leaves);
      expect(toHex(storedRoot(store, size))).toBe(toHex(rootOf(leaves)));
      for (let i = 0; i < size; i++)
        expect(hex(storedInclusionProof(store, i, size))).toEqual(hex(inclusionProof(leaves, i)));
      for (let m = 0; m <= size; m++)
        expect(hex(storedConsistencyProof(store, m, size))).toEqual(hex(consistencyProof(leaves, m)));
    }
  });

  it('answer for any earlier tree size from the store of a larger tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.nat(), (size, a, b) => {
        const leaves = leavesOf(size + 17);
        const store = storeOf(leaves);
        const index = a % size;
        const oldSize = b % (size + 1);
        const prefix = leaves.slice(0, size);
        expect(toHex(storedRoot(store, size))).toBe(toHex(rootOf(prefix)));
        expect(hex(storedInclusionProof(store, index, size))).toEqual(hex(inclusionProof(prefix, index)));
        expect(hex(storedConsistencyProof(store, oldSize, size))).toEqual(hex(consistencyProof(prefix, oldSize)));
      }),
      { numRuns: 150 },
    );
  });

  it('read O(log² n) subtrees, not the leaves', () => {
    const store = storeOf(leavesOf(5000));
    storedInclusionProof(store, 1234, 4999);
    expect(store.reads).toBeLessThan(13 * 13);
  });

  it('refuse an index or size outside the tree', () => {
    const store = storeOf(leavesOf(8));
    expect(() => storedInclusionProof(store, 8, 8)).toThrow(RangeError);
    expect(() => storedInclusionProof(store, -1, 8)).toThrow(RangeError);
    expect(() => storedConsistencyProof(store, 9, 8)).toThrow(RangeError);
    expect(() => storedRoot(store, 1.5)).toThrow(RangeError);
  });

  it('the empty tree has the empty root', () => {
    expect(toHex(storedRoot(storeOf([]), 0))).toBe(toHex(rootOf([])));
  });
});
