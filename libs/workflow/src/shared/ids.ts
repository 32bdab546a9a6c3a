import { createHash, randomUUID } from 'node:crypto';

/**
 * A UUID (RFC 9562 version 8, name-based) derived from a name: the same name
 * always gives the same id. Event ids derived from an Idempotency-Key make a
 * retried command's append a no-op in the store, even if the first attempt
 * crashed after appending but before answering.
 */
export function uuidFromName(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newId = (): string => randomUUID();
