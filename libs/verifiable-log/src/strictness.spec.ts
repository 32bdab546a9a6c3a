import { EMPTY_ROOT, fromHex, leafHash, toHex } from './hash';
import { consistencyProof, inclusionProof, rootOf } from './tree';
import { verifyConsistency, verifyInclusion, type ConsistencyInput, type InclusionInput } from './verify';
import { CompactRange } from './compact-range';

const tree = Array.from({ length: 8 }, (_, i) => leafHash(Uint8Array.of(i)));
const at = (n: number) => rootOf(tree.slice(0, n));
const incl = (over: Partial<InclusionInput> = {}): InclusionInput => ({
  leafHash: tree[2] as Uint8Array,
  index: 2,
  treeSize: 5,
  proof: inclusionProof(tree.slice(0, 5), 2),
  root: at(5),
  ...over,
});
const cons = (over: Partial<ConsistencyInput> = {}): ConsistencyInput => ({
  oldSize: 3,
  newSize: 7,
  proof: consistencyProof(tree.slice(0, 7), 3),
  oldRoot: at(3),
  newRoot: at(7),
  ...over,
});
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('verifyInclusion refuses', () => {
  it.each([
    ['index = size', { index: 5 }, 'index-out-of-range'],
    ['index > size', { index: 9 }, 'index-out-of-range'],
    ['size 0', { index: 0, treeSize: 0 }, 'index-out-of-range'],
    ['a negative index', { index: -1 }, 'invalid-size'],
    ['a fractional size', { treeSize: 5.5 }, 'invalid-size'],
    ['an unsafe size', { treeSize: 2 ** 53 }, 'invalid-size'],
    ['a proof one hash short', { proof: incl().proof.slice(1) }, 'wrong-proof-length'],
    ['a proof one hash long', { proof: [...incl().proof, at(5)] }, 'wrong-proof-length'],
    ['a 31-byte proof hash', { proof: incl().proof.map((h, i) => (i ? h : h.subarray(1))) }, 'bad-hash-length'],
    ['a 33-byte root', { root: Uint8Array.from([...at(5), 0]) }, 'bad-hash-length'],
    ['an empty leaf hash', { leafHash: new Uint8Array() }, 'bad-hash-length'],
    ['a proof that is not an array', { proof: 'nope' as unknown as Uint8Array[] }, 'malformed-proof'],
    ['a wrong root', { root: EMPTY_ROOT }, 'root-mismatch'],
  ])('%s', (_, over, expected) => {
    expect(reason(verifyInclusion(incl(over as Partial<InclusionInput>)))).toBe(expected);
  });

  it('never throws on garbage', () => {
    for (const junk of [undefined, null, {}, { index: '1', treeSize: {} }, { index: 0, treeSize: 1, proof: [null] }]) {
      expect(verifyInclusion(junk as unknown as InclusionInput).ok).toBe(false);
    }
  });

  it('binds the tree size only through the signed tree head', () => {
    // Leaf 0's path is the same shape in trees of 3 and 4 leaves, so the
    // proof alone cannot tell the sizes apart: the size must come signed with the root.
    const proof = inclusionProof(tree.slice(0, 3), 0);
    expect(verifyInclusion({ leafHash: tree[0] as Uint8Array, index: 0, treeSize: 4, proof, root: at(3) }).ok).toBe(
      true,
    );
  });
});

describe('verifyConsistency refuses', () => {
  it.each([
    ['old size > new size', { oldSize: 8 }, 'old-size-exceeds-new-size'],
    ['a negative size', { oldSize: -1 }, 'invalid-size'],
    ['NaN', { newSize: NaN }, 'invalid-size'],
    ['an empty proof between different sizes', { proof: [] }, 'wrong-proof-length'],
    ['a proof one hash long', { proof: [...cons().proof, at(3)] }, 'wrong-proof-length'],
    ['a 31-byte old root', { oldRoot: at(3).subarray(1) }, 'bad-hash-length'],
    ['a wrong old root', { oldRoot: at(4) }, 'old-root-mismatch'],
    ['a wrong new root', { newRoot: at(8) }, 'new-root-mismatch'],
    ['swapped roots', { oldRoot: at(7), newRoot: at(3) }, 'old-root-mismatch'],
    ['from 0 with a non-empty proof', { oldSize: 0 }, 'wrong-proof-length'],
    ['equal sizes with a non-empty proof', { oldSize: 7, oldRoot: at(7) }, 'wrong-proof-length'],
    ['equal sizes with different roots', { oldSize: 7, proof: [] }, 'root-mismatch'],
  ])('%s', (_, over, expected) => {
    expect(reason(verifyConsistency(cons(over as Partial<ConsistencyInput>)))).toBe(expected);
  });

  it('accepts the trivial cases the RFC allows', () => {
    expect(verifyConsistency(cons({ oldSize: 0, oldRoot: EMPTY_ROOT, proof: [] })).ok).toBe(true);
    expect(
      verifyConsistency(cons({ oldSize: 0, newSize: 0, oldRoot: EMPTY_ROOT, newRoot: EMPTY_ROOT, proof: [] })).ok,
    ).toBe(true);
    expect(verifyConsistency(cons({ oldSize: 7, oldRoot: at(7), proof: [] })).ok).toBe(true);
  });

  it('never throws on garbage', () => {
    for (const junk of [undefined, null, {}, { oldSize: 1, newSize: 2, oldRoot: at(1), newRoot: at(2), proof: [7] }]) {
      expect(verifyConsistency(junk as unknown as ConsistencyInput).ok).toBe(false);
    }
  });
});

describe('the server-side helpers and the compact range refuse bad input', () => {
  it('proof builders reject out-of-range positions', () => {
    expect(() => inclusionProof(tree, 8)).toThrow(RangeError);
    expect(() => consistencyProof(tree, 9)).toThrow(RangeError);
  });

  it('hex is strict both ways', () => {
    expect(toHex(fromHex('00ff'))).toBe('00ff');
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(() => fromHex('zz')).toThrow(TypeError);
  });

  it('fromJSON rejects a frontier that does not match its size', () => {
    const range = CompactRange.empty();
    tree.slice(0, 5).forEach((h) => range.append(h));
    const json = range.toJSON();
    expect(json.hashes).toHaveLength(2); // 5 = 0b101: subtrees of 4 and 1
    expect(() => CompactRange.fromJSON({ ...json, size: 7 })).toThrow(RangeError);
    expect(() => CompactRange.fromJSON({ ...json, hashes: [json.hashes[0] as string, 'ab'] })).toThrow(TypeError);
    expect(() => range.append(new Uint8Array(31))).toThrow(TypeError);
  });
});
