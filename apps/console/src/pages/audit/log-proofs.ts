import type { EventInclusion, SignedTreeHead } from './audit-types';
import { fromHex, sha256, toHex } from './event-hashes';

/*
 * The checks an auditor's browser makes on the verifiable log's answers
 * (docs/audit-log.md), with WebCrypto: an inclusion proof against a signed
 * root (RFC 9162 §2.1.3.2) and a tree head's Ed25519 signature.
 */

async function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(1 + left.length + right.length);
  bytes[0] = 0x01;
  bytes.set(left, 1);
  bytes.set(right, 1 + left.length);
  return sha256(bytes);
}

/** True when the audit path leads from the leaf to `rootHash` in a tree of `treeSize` leaves. */
export async function inclusionHolds(inclusion: EventInclusion, rootHash: string): Promise<boolean> {
  const { leafIndex, treeSize, auditPath } = inclusion;
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let hash: Uint8Array = fromHex(inclusion.leafHash);
  for (const sibling of auditPath) {
    if (sn === 0) return false;
    const p = fromHex(sibling);
    if (fn % 2 === 1 || fn === sn) {
      hash = await nodeHash(p, hash);
      // A right-most node with no sibling at this level rises unchanged.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = await nodeHash(hash, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && toHex(hash) === rootHash;
}

/** The exact bytes a tree head's signature covers. */
function signedText(head: SignedTreeHead): string {
  return `licensing-event-log tree head v1\nsize ${head.treeSize}\nroot ${head.rootHash}\ntime ${head.timestamp}\n`;
}

function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  const base64 = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The key id the service names heads by: SHA-256 of the SubjectPublicKeyInfo DER, hex. */
export async function keyIdOf(publicKeyPem: string): Promise<string> {
  return toHex(await sha256(pemBody(publicKeyPem)));
}

/** True when the head's Ed25519 signature holds under the given public key (PEM). */
export async function treeHeadSignatureHolds(head: SignedTreeHead, publicKeyPem: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('spki', pemBody(publicKeyPem), { name: 'Ed25519' }, false, ['verify']);
  const signature = Uint8Array.from(atob(head.signature), (c) => c.charCodeAt(0));
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, new TextEncoder().encode(signedText(head)));
}
