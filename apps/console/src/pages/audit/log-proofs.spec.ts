import { generateKeyPairSync, sign } from 'node:crypto';
import type { EventInclusion, SignedTreeHead } from './audit-types';
import { fromHex, sha256, toHex } from './event-hashes';
import { inclusionHolds, keyIdOf, treeHeadSignatureHolds } from './log-proofs';

const leaf = async (text: string) => toHex(await sha256(new Uint8Array([0, ...new TextEncoder().encode(text)])));
const node = async (left: string, right: string) =>
  toHex(await sha256(new Uint8Array([1, ...fromHex(left), ...fromHex(right)])));

/** A tree of five leaves, by RFC 9162's MTH: the split at the largest power of two below n. */
async function fiveLeafTree() {
  const leaves = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(leaf));
  const [l0, l1, l2, l3, l4] = leaves as [string, string, string, string, string];
  const n01 = await node(l0, l1);
  const n23 = await node(l2, l3);
  const n0123 = await node(n01, n23);
  return { leaves, n01, n23, n0123, root: await node(n0123, l4) };
}

const proof = (leafIndex: number, leafHash: string, auditPath: string[], treeSize = 5): EventInclusion => ({
  eventId: 'e',
  streamId: 's',
  revision: 0,
  position: String(leafIndex),
  leafIndex,
  treeSize,
  leafHash,
  auditPath,
});

describe("the browser's checks of the verifiable log", () => {
  it('leads an inclusion proof from its leaf to the signed root (RFC 9162 §2.1.3.2)', async () => {
    const tree = await fiveLeafTree();
    const [l0, l1, l2, l3, l4] = tree.leaves as [string, string, string, string, string];
    expect(await inclusionHolds(proof(2, l2, [l3, tree.n01, l4]), tree.root)).toBe(true);
    expect(await inclusionHolds(proof(0, l0, [l1, tree.n23, l4]), tree.root)).toBe(true);
    // The last leaf of an odd tree rises alone to the top.
    expect(await inclusionHolds(proof(4, l4, [tree.n0123]), tree.root)).toBe(true);
  });

  it('refuses a proof of another leaf, at another place, of another size, or with a sibling changed', async () => {
    const tree = await fiveLeafTree();
    const [, l1, l2, l3, l4] = tree.leaves as [string, string, string, string, string];
    expect(await inclusionHolds(proof(2, l1, [l3, tree.n01, l4]), tree.root)).toBe(false);
    expect(await inclusionHolds(proof(3, l2, [l3, tree.n01, l4]), tree.root)).toBe(false);
    // (A path alone does not bind the size: it may also lead up in a larger tree, which is why the
    // page holds the proof's size to the signed head's, whose signature binds size and root.)
    expect(await inclusionHolds(proof(2, l2, [l3, tree.n01, l4], 4), tree.root)).toBe(false);
    expect(await inclusionHolds(proof(2, l2, [l3, tree.n01]), tree.root)).toBe(false);
    expect(await inclusionHolds(proof(2, l2, [l3, tree.n23, l4]), tree.root)).toBe(false);
    expect(await inclusionHolds(proof(5, l2, [l3, tree.n01, l4]), tree.root)).toBe(false);
  });

  it("verifies a tree head's Ed25519 signature over its four lines, and names the key as the service does", async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const unsigned = { treeSize: 5, rootHash: 'ab'.repeat(32), timestamp: '2026-11-23T02:00:00.000Z' };
    const text = `licensing-event-log tree head v1\nsize 5\nroot ${unsigned.rootHash}\ntime ${unsigned.timestamp}\n`;
    const keyId = toHex(await sha256(new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }))));
    const head: SignedTreeHead = {
      ...unsigned,
      signature: sign(null, Buffer.from(text), privateKey).toString('base64'),
      keyId,
    };
    expect(await keyIdOf(pem)).toBe(keyId);
    expect(await treeHeadSignatureHolds(head, pem)).toBe(true);
    expect(await treeHeadSignatureHolds({ ...head, treeSize: 6 }, pem)).toBe(false);
  });
});
