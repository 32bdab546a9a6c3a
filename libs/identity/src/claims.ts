import { Actor, PersonRole } from '@licensing/domain';
import { UnusableToken } from './identity-errors';

/** Where the actor's facts are in a token (the AUTH_*_CLAIM settings). */
export interface ClaimNames {
  readonly subject: string;
  readonly roles: string;
  readonly exporters: string;
}

export const DEFAULT_CLAIMS: ClaimNames = { subject: 'sub', roles: 'roles', exporters: 'exporter_ids' };

/**
 * A claim by name: the whole name first, since Auth0's namespaced claims
 * (`https://example.com/roles`) contain dots, then as a dotted path into
 * nested objects (Keycloak's `realm_access.roles`).
 */
export function claimAt(payload: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A list claim as IdPs send it: an array of strings, or one string (space- or comma-separated). */
function stringsOf(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  const strings = items.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return [...new Set(strings.filter((item) => item !== ''))];
}

const ourRoles = new Set<string>(PersonRole.options);

/**
 * The domain actor a verified token stands for. Exactly one of our person
 * roles must be among the token's roles (an IdP's own roles such as
 * Keycloak's `offline_access` are ignored); `system` is never granted by a
 * token, and a token claiming it is refused outright rather than ignored:
 * an issuer that hands it out is misconfigured or hostile.
 */
export function actorFromClaims(payload: Readonly<Record<string, unknown>>, claims: ClaimNames): Actor {
  const subject = claimAt(payload, claims.subject);
  if (typeof subject !== 'string' || subject.trim() === '') {
    throw new UnusableToken('auth.no_subject', `The token names no user: its '${claims.subject}' claim is missing.`);
  }
  const claimed = stringsOf(claimAt(payload, claims.roles));
  if (claimed.includes('system')) {
    throw new UnusableToken(
      'auth.system_role',
      "No token may act as 'system': that role is the service's own scheduler and seeder.",
    );
  }
  const roles = claimed.filter((role) => ourRoles.has(role));
  const choices = PersonRole.options.join(', ');
  if (roles.length === 0) {
    throw new UnusableToken(
      'auth.no_role',
      `The token carries none of this service's roles in its '${claims.roles}' claim; it needs exactly one of ${choices}.`,
    );
  }
  if (roles.length > 1) {
    throw new UnusableToken(
      'auth.ambiguous_role',
      `The token carries several of this service's roles (${roles.join(', ')}); a user acts in exactly one, so ask for a token with one.`,
    );
  }
  const role = roles[0] as PersonRole;
  const exporterIds = role === 'exporter' ? stringsOf(claimAt(payload, claims.exporters)) : [];
  if (role === 'exporter' && exporterIds.length === 0) {
    throw new UnusableToken(
      'auth.no_exporters',
      `An exporter user's token must name the exporters they act for in its '${claims.exporters}' claim.`,
    );
  }
  const issuer = typeof payload['iss'] === 'string' ? payload['iss'] : undefined;
  const actor = Actor.safeParse({ id: subject, role, issuer, ...(exporterIds.length > 0 ? { exporterIds } : {}) });
  if (!actor.success) {
    throw new UnusableToken(
      'auth.invalid_claims',
      'The token names its user or exporters in a form this service cannot use.',
    );
  }
  return actor.data;
}
