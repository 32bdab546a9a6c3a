import { createHash, hash as oneShot } from 'node:crypto';

// RFC 9162 §2.1.1 with SHA-256. The 0x00 / 0x01 prefixes give leaves and
// interior nodes different domains, so no leaf can be passed off as a node
// (the second-preimage attack on unprefixed Merkle trees).

export type Hash = Uint8Array;
export const HASH_SIZE = 32;

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

// nodeHash runs twice per leaf in every verification: one-shot `crypto.hash`
// (Node ≥ 20.12) over one buffer instead of a Hash object and three updates.
const nodeInput = new Uint8Array(65);
const sha256Node: (left: Hash, right: Hash) => Hash =
  typeof oneShot === 'function'
    ? (left, right) => {
        nodeInput[0] = 0x01;
        nodeInput.set(left, 1);
        nodeInput.set(right, 33);
        return new Uint8Array(oneShot('sha256', nodeInput, 'buffer'));
      }
    : (left, right) => sha256(NODE_PREFIX, left, right);

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256();

export const leafHash = (data: Uint8Array): Hash => sha256(LEAF_PREFIX, data);
export const nodeHash = (left: Hash, right: Hash): Hash =>
  left.length === HASH_SIZE && right.length === HASH_SIZE ? sha256Node(left, right) : sha256(NODE_PREFIX, left, right);

export const isHash = (value: unknown): value is Hash => value instanceof Uint8Array && value.length === HASH_SIZE;

export const hashEquals = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
};

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Strict: even length, hex digits only (Buffer.from would silently truncate). */
export const fromHex = (hex: string): Uint8Array => {
  if (typeof hex !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new TypeError('fromHex: expected an even-length string of hex digits');
  }
  return new Uint8Array(Buffer.from(hex, 'hex'));
};
