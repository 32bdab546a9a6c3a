import { isPersonRoleName, type PersonRole } from '@licensing/domain';
import type { ClaimNames } from '../config';

/** Who is signed in, read from the access token (the service verifies it on every call; this only drives the UI). */
export interface Session {
  readonly accessToken: string;
  readonly subject: string;
  readonly role: PersonRole;
  readonly exporterIds: readonly string[];
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const KEY = 'console.session';

function claimAt(payload: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  return name.split('.').reduce<unknown>((value, part) => {
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }, payload);
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (part === undefined) throw new Error('The access token is not a JWT.');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** The session an access token gives, or an error naming what the token lacks. */
export function sessionFromToken(accessToken: string, claims: ClaimNames): Session {
  const payload = decodePayload(accessToken);
  const roles = [claimAt(payload, claims.roles)].flat().filter(isPersonRoleName);
  if (roles.length !== 1) throw new Error('The token must carry exactly one role of this service.');
  const exporters = claimAt(payload, claims.exporters);
  const subject = claimAt(payload, claims.subject);
  return {
    accessToken,
    subject: typeof subject === 'string' ? subject : '',
    role: roles[0] as PersonRole,
    exporterIds: Array.isArray(exporters) ? exporters.map(String) : [],
    expiresAt: typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : Date.now() + 3600_000,
  };
}

/** The stored session, unless it has expired (one tab's session: sessionStorage, not localStorage). */
export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw === null) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
}
