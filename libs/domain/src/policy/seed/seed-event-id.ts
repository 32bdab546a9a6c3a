// SHA-1 from a pure-JavaScript library, not node:crypto: the domain also runs in the browser (the console).
import { sha1 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * A UUID derived from a stable name (RFC 4122 version 5 layout over SHA-1),
 * so seeding the same history twice yields the same event ids and the
 * store's idempotent append keeps one copy.
 */
export function deterministicUuid(name: string): string {
  const bytes = sha1(utf8ToBytes(`licensing/policy-seed/${name}`)).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
