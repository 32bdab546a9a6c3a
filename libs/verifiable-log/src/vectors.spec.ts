import { EMPTY_ROOT, fromHex, leafHash, toHex } from './hash';
import { consistencyProof, inclusionProof, rootOf } from './tree';
import { verifyConsistency, verifyInclusion } from './verify';
import { CompactRange } from './compact-range';

// Certificate Transparency reference data, copied as data from
// transparency-dev/merkle proof/verify_test.go (commit 02194e9a). A tree only
// another implementation agrees with can be checked by anyone else.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (h) => leafHash(fromHex(h)),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const root = (size: number) => fromHex(ROOTS[size - 1] as string);
// The source numbers leaves from 1; these indices are 0-based.
const INCLUSION = [
  { index: 0, size: 8, proof: ['96a296d2', '5f083f0a', '6b47aaf2'] },
  { index: 5, size: 8, proof: ['bc1a0643', 'ca854ea1', 'd37ee418'] },
  { index: 2, size: 3, proof: ['fac54203'] },
  { index: 1, size: 5, proof: ['6e340b9c', '5f083f0a', 'bc1a0643'] },
];
const CONSISTENCY = [
  { oldSize: 1, newSize: 8, proof: ['96a296d2', '5f083f0a', '6b47aaf2'] },
  { oldSize: 6, newSize: 8, proof: ['0ebc5d34', 'ca854ea1', 'd37ee418'] },
  { oldSize: 2, newSize: 5, proof: ['5f083f0a', 'bc1a0643'] },
  { oldSize: 6, newSize: 7, proof: ['0ebc5d34', 'b08693ec', 'd37ee418'] },
];
const FULL: Record<string, string> = {
  '96a296d2': '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '5f083f0a': '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  '6b47aaf2': '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  bc1a0643: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ca854ea1: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  d37ee418: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  fac54203: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  '6e340b9c': '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '0ebc5d34': '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  b08693ec: 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
};
const full = (short: string[]) => short.map((s) => FULL[s] as string);

describe('Certificate Transparency vectors', () => {
  it('the empty root is SHA-256 of the empty string', () => {
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(rootOf([])).toEqual(EMPTY_ROOT);
  });

  it('rootOf and the compact range give the published root for sizes 1..8', () => {
    const range = CompactRange.empty();
    LEAVES.forEach((leaf, i) => {
      range.append(leaf);
      expect(toHex(rootOf(LEAVES.slice(0, i + 1)))).toBe(ROOTS[i]);
      expect(toHex(range.root())).toBe(ROOTS[i]);
    });
  });

  it.each(INCLUSION)('inclusion of leaf $index in $size', ({ index, size, proof }) => {
    const tree = LEAVES.slice(0, size);
    expect(inclusionProof(tree, index).map(toHex)).toEqual(full(proof));
    const leaf = LEAVES[index] as Uint8Array;
    const input = { leafHash: leaf, index, treeSize: size, proof: full(proof).map(fromHex), root: root(size) };
    expect(verifyInclusion(input)).toEqual({ ok: true });
  });

  it.each(CONSISTENCY)('consistency $oldSize → $newSize', ({ oldSize, newSize, proof }) => {
    expect(consistencyProof(LEAVES.slice(0, newSize), oldSize).map(toHex)).toEqual(full(proof));
    const input = { oldSize, newSize, proof: full(proof).map(fromHex), oldRoot: root(oldSize), newRoot: root(newSize) };
    expect(verifyConsistency(input)).toEqual({ ok: true });
  });
});
