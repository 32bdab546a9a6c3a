import type { JSONWebKeySet } from 'jose';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IdentitySettings, LOCAL_ISSUER_ID, usesLocalIssuer } from './identity-settings';
import { ensureLocalIssuer } from './local-issuer';
import { createTokenVerifier, type KeySource, type TokenVerifier } from './token-verifier';

export interface Identity {
  readonly verifier: TokenVerifier;
  /** Set when the service is its own issuer: what it publishes under /.well-known. */
  readonly localIssuer: { readonly issuer: string; readonly jwks: JSONWebKeySet } | null;
}

/**
 * The verifier the settings describe, ready before the service listens: the
 * local issuer's key is created now (so the first request does not race
 * the token CLI for it), a key file is read and checked now, so a bad one
 * stops the start with a message rather than failing every request.
 */
export async function openIdentity(settings: IdentitySettings, dataDir: string): Promise<Identity> {
  const local = usesLocalIssuer(settings) ? await ensureLocalIssuer(dataDir) : null;
  const keys: KeySource =
    local !== null
      ? { kind: 'jwks', jwks: local }
      : settings.AUTH_JWKS_URL !== undefined
        ? { kind: 'jwks-url', url: new URL(settings.AUTH_JWKS_URL) }
        : { kind: 'public-key', pem: readPublicKey(settings.AUTH_PUBLIC_KEY_FILE ?? '') };
  const issuer = settings.AUTH_ISSUER ?? LOCAL_ISSUER_ID;
  const verifier = createTokenVerifier({
    issuer,
    audience: settings.AUTH_AUDIENCE,
    algorithms: settings.AUTH_ALGORITHMS,
    clockSkewSeconds: settings.AUTH_CLOCK_SKEW_SECONDS,
    claims: {
      subject: settings.AUTH_SUBJECT_CLAIM,
      roles: settings.AUTH_ROLES_CLAIM,
      exporters: settings.AUTH_EXPORTERS_CLAIM,
    },
    keys,
  });
  return { verifier, localIssuer: local === null ? null : { issuer, jwks: local } };
}

function readPublicKey(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `AUTH_PUBLIC_KEY_FILE: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        cause: error,
      },
    );
  }
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    if (key.type !== 'public' || !pem.includes('-----BEGIN PUBLIC KEY-----')) throw new Error('not SPKI');
  } catch {
    throw new Error(
      `AUTH_PUBLIC_KEY_FILE: ${file} is not a PEM public key (SPKI, starting -----BEGIN PUBLIC KEY-----).`,
    );
  }
  return pem;
}
