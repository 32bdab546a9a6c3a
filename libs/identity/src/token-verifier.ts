import type { Actor } from '@licensing/domain';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  importSPKI,
  type JSONWebKeySet,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { KeyObject } from 'node:crypto';
import { actorFromClaims, type ClaimNames } from './claims';
import { InvalidToken, KeysUnavailable } from './identity-errors';
import type { Algorithm } from './identity-settings';

/** Where the keys that sign trusted tokens come from. */
export type KeySource =
  /** Keys known up front: the local issuer's public JWKS. */
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet }
  /**
   * An identity provider's JWKS endpoint. jose caches it (10 min) and
   * refetches when a token names an unknown `kid`, so a rotated key works at
   * once; `cooldownMs` (default 30 s) bounds how often unknown kids refetch.
   */
  | { readonly kind: 'jwks-url'; readonly url: URL; readonly cooldownMs?: number; readonly timeoutMs?: number }
  /** One PEM (SPKI) public key. */
  | { readonly kind: 'public-key'; readonly pem: string };

export interface VerifierOptions {
  /** The `iss` every token must carry. */
  readonly issuer: string;
  /** The `aud` every token must name. */
  readonly audience: string;
  /** Accepted signature algorithms; the settings refuse `none` and HS*. */
  readonly algorithms: readonly Algorithm[];
  readonly clockSkewSeconds: number;
  readonly claims: ClaimNames;
  readonly keys: KeySource;
  /**
   * The clock tokens are checked against: real time, never the service's
   * CLOCK_FIXED_AT (that moves business dates; a token's lifetime is security).
   */
  readonly now?: () => Date;
}

/** Turns a bearer token into the verified actor, or refuses it with an IdentityError. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

/**
 * How long a token whose signature verified is taken on its word without
 * checking the signature again (never past its own expiry). A client sends
 * the same token with every request for its whole lifetime, and the
 * signature check is most of what verifying costs. A minute bounds how long
 * a token signed with a key the identity provider has since withdrawn is
 * still taken.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Distinct tokens remembered as verified (the least recently used go first). */
const VERIFIED_TOKENS = 10_000;

interface Verified {
  readonly actor: Actor;
  /** `exp` and `nbf` in ms; the clock skew is allowed on both, as jose allows it. */
  readonly expiresAtMs: number;
  readonly notBeforeMs: number;
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const getKey = keyLookup(options.keys);
  const { issuer, audience, clockSkewSeconds, claims, now } = options;
  const algorithms = [...options.algorithms];
  const verified = new LRUCache<string, Verified>({ max: VERIFIED_TOKENS, ttl: VERIFIED_TOKEN_TTL_MS });
  const skewMs = clockSkewSeconds * 1000;
  return {
    async verify(token: string): Promise<Actor> {
      const nowMs = (now?.() ?? new Date()).getTime();
      const known = verified.get(token);
      // Outside its validity, the full check below refuses it with the reason.
      if (known && nowMs <= known.expiresAtMs + skewMs && nowMs >= known.notBeforeMs - skewMs) return known.actor;
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          issuer,
          audience,
          algorithms,
          clockTolerance: clockSkewSeconds,
          // A token that never expires is a password that never changes.
          requiredClaims: ['exp'],
          ...(now ? { currentDate: now() } : {}),
        }));
      } catch (error) {
        throw refusal(error);
      }
      const actor = actorFromClaims(payload, claims);
      verified.set(token, {
        actor,
        expiresAtMs: Number(payload['exp']) * 1000,
        notBeforeMs: typeof payload['nbf'] === 'number' ? payload['nbf'] * 1000 : -Infinity,
      });
      return actor;
    },
  };
}

function keyLookup(source: KeySource): JWTVerifyGetKey {
  switch (source.kind) {
    case 'jwks':
      return createLocalJWKSet(source.jwks);
    case 'jwks-url': {
      const remote = createRemoteJWKSet(source.url, {
        cooldownDuration: source.cooldownMs ?? 30_000,
        timeoutDuration: source.timeoutMs ?? 5_000,
      });
      return async (header, token) => {
        try {
          return await remote(header, token);
        } catch (error) {
          // No key for this kid is the token's problem; anything else (down, timeout, not a JWKS) is the IdP's.
          if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
            throw error;
          throw new KeysUnavailable();
        }
      };
    }
    case 'public-key': {
      // importSPKI needs the algorithm; import once per algorithm a token asks for (the allow-list was checked first).
      const byAlgorithm = new Map<string, Promise<KeyLike>>();
      return async (header) => {
        const alg = header.alg ?? '';
        let key = byAlgorithm.get(alg);
        if (key === undefined) {
          key = importSPKI(source.pem, alg);
          byAlgorithm.set(alg, key);
        }
        const imported = await key.catch(() => null);
        if (imported === null || !fits(imported, alg)) {
          throw new InvalidToken(
            'auth.invalid_token',
            'The bearer token is signed with an algorithm that does not fit the key this service trusts.',
          );
        }
        return imported;
      };
    }
  }
}

const KEY_TYPES: Readonly<Record<string, readonly string[]>> = {
  RS: ['rsa'],
  PS: ['rsa', 'rsa-pss'],
  ES: ['ec'],
  Ed: ['ed25519', 'ed448'],
};

/** importSPKI takes an RSA key "as ES256" without complaint; only the signature check would then throw a TypeError. */
function fits(key: KeyLike, alg: string): boolean {
  const type = key instanceof KeyObject ? key.asymmetricKeyType : undefined;
  return type !== undefined && (KEY_TYPES[alg.slice(0, 2)] ?? []).includes(type);
}

const INVALID =
  'The bearer token is not a valid token for this service: malformed, unsigned, signed with an algorithm not ' +
  'allowed, or its signature does not verify. Sign in again for a new one.';

/** A refusal the caller can act on, whatever jose said: its messages may quote claims, so none is passed on. */
function refusal(error: unknown): unknown {
  if (error instanceof InvalidToken || error instanceof KeysUnavailable) return error;
  if (error instanceof errors.JWTExpired) {
    return new InvalidToken('auth.token_expired', 'The bearer token has expired; sign in again for a new one.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new InvalidToken(
          'auth.wrong_issuer',
          'The bearer token comes from an issuer this service does not trust.',
        );
      case 'aud':
        return new InvalidToken('auth.wrong_audience', 'The bearer token is meant for another service (its audience).');
      case 'nbf':
      case 'iat':
        return new InvalidToken('auth.token_not_yet_valid', 'The bearer token is not valid yet; check the clocks.');
      case 'exp':
        return new InvalidToken('auth.invalid_token', 'The bearer token has no expiry (exp); this service needs one.');
      default:
        return new InvalidToken('auth.invalid_token', INVALID);
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidToken('auth.unknown_key', 'The bearer token is signed with a key this service does not know.');
  }
  if (error instanceof errors.JOSEError) return new InvalidToken('auth.invalid_token', INVALID);
  return error;
}
