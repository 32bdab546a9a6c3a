import type { EventEnvelope } from './audit-types';

/*
 * The two hashes an event carries, recomputed in the browser from the event
 * as the API gave it (docs/audit-log.md, "What is hashed"), so the auditor's
 * check does not rest on the server's word: the per-stream chain hash
 * (libs/event-store/src/integrity.ts) and the RFC 9162 leaf hash
 * (libs/audit/src/event-leaf.ts). The revision is hashed as a decimal string,
 * as the store's canonical JSON writes a bigint.
 */

/** Keys sorted by code unit, no whitespace: the event store's canonicalJson for JSON values. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

const encoder = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** sha256(prevHash + canonical {data, id, metadata, revision, streamId, type, version}), hex. */
export async function chainHashOf(event: EventEnvelope): Promise<string> {
  const q = JSON.stringify;
  const envelope =
    `{"data":${canonicalJson(event.data)},"id":${q(event.id)},"metadata":${canonicalJson(event.metadata)},` +
    `"revision":${q(String(event.revision))},"streamId":${q(event.streamId)},` +
    `"type":${q(event.type)},"version":${canonicalJson(event.version)}}`;
  return toHex(await sha256(encoder.encode(event.integrity.prevHash + envelope)));
}

/** SHA-256(0x00 ‖ canonical event without its position), hex: the event's leaf in the verifiable log. */
export async function leafHashOf(event: EventEnvelope): Promise<string> {
  const q = JSON.stringify;
  const json =
    `{"data":${canonicalJson(event.data)},"id":${q(event.id)},` +
    `"integrity":{"hash":${q(event.integrity.hash)},"prevHash":${q(event.integrity.prevHash)}},` +
    `"metadata":${canonicalJson(event.metadata)},"revision":${q(String(event.revision))},` +
    `"streamId":${q(event.streamId)},"type":${q(event.type)},"version":${canonicalJson(event.version)}}`;
  const text = encoder.encode(json);
  const bytes = new Uint8Array(text.length + 1);
  bytes.set(text, 1);
  return toHex(await sha256(bytes));
}
