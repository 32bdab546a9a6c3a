import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedTreeHead } from './log-proofs';

// A signed tree head binds the log's size to its root: an inclusion proof alone
// does not (any prefix's root verifies its own paths), so every proof is
// checked against a head whose signature holds.

const HEX_32 = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** The exact bytes an Ed25519 signature covers: line-based, so no JSON canonicalisation can disagree. */
export function treeHeadMessage(head: Pick<SignedTreeHead, 'treeSize' | 'rootHash' | 'timestamp'>): Buffer {
  return Buffer.from(
    `licensing-event-log tree head v1\nsize ${head.treeSize}\nroot ${head.rootHash}\ntime ${head.timestamp}\n`,
    'utf8',
  );
}

/** SHA-256 of the key's SubjectPublicKeyInfo DER, hex: names the key that signed. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function signTreeHead(
  privateKey: KeyObject,
  head: Pick<SignedTreeHead, 'treeSize' | 'rootHash' | 'timestamp'>,
): SignedTreeHead {
  const problem = malformed(head);
  if (problem) throw new RangeError(`cannot sign a tree head whose ${problem}`);
  const signature = sign(null, treeHeadMessage(head), privateKey).toString('base64');
  return { ...head, signature, keyId: keyIdOf(createPublicKey(privateKey)) };
}

export type TreeHeadCheck = { ok: true } | { ok: false; message: string };

/**
 * Strict: every field well formed, the key id that of the key given, the
 * signature an Ed25519 signature over exactly these values. Never throws.
 */
export function verifyTreeHead(head: unknown, publicKey: KeyObject): TreeHeadCheck {
  if (typeof head !== 'object' || head === null) return { ok: false, message: 'the tree head is not an object' };
  const h = head as Record<string, unknown>;
  const problem = malformed(h);
  if (problem) return { ok: false, message: `the tree head's ${problem}` };
  if (publicKey.asymmetricKeyType !== 'ed25519') return { ok: false, message: 'the public key is not Ed25519' };
  if (h['keyId'] !== keyIdOf(publicKey)) return { ok: false, message: 'the tree head was signed by another key' };
  const signature = typeof h['signature'] === 'string' ? Buffer.from(h['signature'], 'base64') : Buffer.alloc(0);
  if (signature.length !== 64 || signature.toString('base64') !== h['signature'])
    return { ok: false, message: 'the signature is not 64 bytes of base64' };
  const valid = verify(null, treeHeadMessage(h as unknown as SignedTreeHead), publicKey, signature);
  return valid ? { ok: true } : { ok: false, message: 'the signature does not verify: the head was altered or forged' };
}

function malformed(h: Record<string, unknown> | Pick<SignedTreeHead, 'treeSize' | 'rootHash' | 'timestamp'>) {
  const { treeSize, rootHash, timestamp } = h as Record<string, unknown>;
  if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 0) return 'treeSize is not a whole number ≥ 0';
  if (typeof rootHash !== 'string' || !HEX_32.test(rootHash)) return 'rootHash is not 64 lower-case hex digits';
  if (typeof timestamp !== 'string' || !ISO_INSTANT.test(timestamp) || Number.isNaN(Date.parse(timestamp)))
    return 'timestamp is not an ISO 8601 UTC instant';
  return null;
}
