import { createHash } from 'node:crypto';

/**
 * A UUID derived from a stable name (RFC 4122 version 5 layout over SHA-1),
 * so seeding the same history twice yields the same event ids and the
 * store's idempotent append keeps one copy.
 */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha1').update(`licensing/policy-seed/${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
