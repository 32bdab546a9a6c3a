import {
  DEFAULT_AUDIENCE,
  ensureLocalIssuer,
  LOCAL_ISSUER_ID,
  LOCAL_ISSUER_KEY_FILE,
  mintLocalToken,
  signLocalToken,
} from '@licensing/identity';
import { base64url, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tokens an attacker (or a careless identity provider) would present to the
 * service, crafted with jose against the service's own local issuer: its
 * public key from `ensureLocalIssuer` (what /.well-known/jwks.json serves),
 * its private key only where the attack is a genuine signature on claims
 * the service must still refuse.
 */

/** The user every forged token claims to be: an exporter user with real cases in the service. */
export const VICTIM = { sub: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] } as const;

/** Claims a genuine token for VICTIM carries, valid now for ten minutes. */
export function victimClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: LOCAL_ISSUER_ID,
    aud: DEFAULT_AUDIENCE,
    sub: VICTIM.sub,
    roles: [VICTIM.role],
    exporter_ids: [...VICTIM.exporterIds],
    iat: now,
    nbf: now,
    exp: now + 600,
    ...overrides,
  };
}

export class TokenForge {
  private constructor(
    private readonly dataDir: string,
    /** The local issuer's public key as published (kty, crv, x, kid, alg, use). */
    readonly publicJwk: JWK & { kid: string; x: string },
  ) {}

  static async of(dataDir: string): Promise<TokenForge> {
    const { keys } = await ensureLocalIssuer(dataDir);
    const key = keys[0];
    if (keys.length !== 1 || key?.kid === undefined || key.x === undefined)
      throw new Error('The local issuer publishes exactly one key with a kid and x');
    return new TokenForge(dataDir, key as JWK & { kid: string; x: string });
  }

  /** A genuine token for VICTIM from the local issuer (what the service accepts). */
  valid(): Promise<string> {
    return mintLocalToken(this.dataDir, { sub: VICTIM.sub, role: VICTIM.role, exporterIds: [...VICTIM.exporterIds] });
  }

  /** Signed by the local issuer's key with exactly these claims (nothing checked). */
  genuine(claims: Record<string, unknown>): Promise<string> {
    return signLocalToken(this.dataDir, claims);
  }

  /** Minted by the local issuer at another time, or for another issuer or audience. */
  minted(options: { now?: Date; ttlSeconds?: number; issuer?: string; audience?: string }): Promise<string> {
    return mintLocalToken(this.dataDir, {
      sub: VICTIM.sub,
      role: VICTIM.role,
      exporterIds: [...VICTIM.exporterIds],
      ...options,
    });
  }

  /** Signed by a fresh Ed25519 key of the attacker, naming the local issuer's kid. */
  async otherKeySameKid(): Promise<string> {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(victimClaims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: this.publicJwk.kid })
      .sign(privateKey);
  }

  /** Signed by the attacker's key, which travels in the header (`jwk`) for the verifier to "trust". */
  async embeddedJwk(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    return new SignJWT(victimClaims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', jwk: await exportJWK(publicKey) })
      .sign(privateKey);
  }

  /** `alg: none`, no signature at all. */
  unsigned(): string {
    return new UnsecuredJWT(victimClaims()).encode();
  }

  /** Signed by the local issuer's real private key, under a kid the service does not publish. */
  async unknownKid(): Promise<string> {
    const stored = JSON.parse(readFileSync(join(this.dataDir, LOCAL_ISSUER_KEY_FILE), 'utf8')) as { privateJwk: JWK };
    const key = await importJWK(stored.privateJwk, 'EdDSA');
    return new SignJWT(victimClaims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'rotated-away-or-made-up' })
      .sign(key);
  }

  /**
   * Key confusion: HS256 with public bytes of the local issuer's key as the
   * HMAC secret, as a verifier that let the token pick the algorithm would
   * check it. `secret` names which bytes.
   */
  async hmacWithPublicKey(secret: 'jwk-json' | 'jwks-document' | 'raw-x' | 'spki-pem', jwksText: string) {
    const bytes = await this.publicBytes(secret, jwksText);
    return new SignJWT(victimClaims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.publicJwk.kid })
      .sign(bytes);
  }

  /** A genuine token whose payload was then edited (another role), keeping the signature. */
  async tampered(): Promise<string> {
    const [header, , signature] = (await this.valid()).split('.');
    const payload = base64url.encode(JSON.stringify(victimClaims({ roles: ['licensing_officer'] })));
    return `${header}.${payload}.${signature}`;
  }

  private async publicBytes(secret: string, jwksText: string): Promise<Uint8Array> {
    switch (secret) {
      case 'jwk-json':
        return new TextEncoder().encode(JSON.stringify(this.publicJwk));
      case 'jwks-document':
        return new TextEncoder().encode(jwksText);
      case 'raw-x':
        return base64url.decode(this.publicJwk.x);
      default: {
        const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: this.publicJwk.x }, 'EdDSA');
        return new TextEncoder().encode(await exportSPKI(key as Parameters<typeof exportSPKI>[0]));
      }
    }
  }
}
