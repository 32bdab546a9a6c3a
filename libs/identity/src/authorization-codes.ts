import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a code stands for until it is exchanged: the request it answered and who signed in. */
export interface CodeGrant<T> {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly subject: T;
}

/** Why an exchange was refused, in OAuth 2's own words (RFC 6749 §5.2). */
export class GrantRefused extends Error {
  constructor(
    readonly error: 'invalid_grant' | 'invalid_request' | 'invalid_client',
    description: string,
  ) {
    super(description);
  }
}

/** A PKCE S256 challenge (RFC 7636 §4.2): BASE64URL(SHA-256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * The local issuer's authorization codes: single use, short-lived, bound to
 * the client, the redirect URI and a PKCE S256 challenge. Held in memory: a
 * restart between the sign-in page and the exchange only means signing in again.
 */
export class AuthorizationCodes<T> {
  private readonly grants = new Map<string, CodeGrant<T> & { readonly expiresAt: number }>();

  constructor(
    private readonly lifetimeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(grant: CodeGrant<T>): string {
    this.prune();
    const code = randomBytes(32).toString('base64url');
    this.grants.set(code, { ...grant, expiresAt: this.now() + this.lifetimeMs });
    return code;
  }

  /** The grant a code stands for, once: any mismatch spends the code too (RFC 6749 §4.1.2: a code is used once). */
  redeem(request: { code: string; clientId: string; redirectUri: string; codeVerifier: string }): T {
    const grant = this.grants.get(request.code);
    this.grants.delete(request.code);
    if (grant === undefined || grant.expiresAt <= this.now()) {
      throw new GrantRefused('invalid_grant', 'The authorization code is unknown, already used or expired.');
    }
    if (grant.clientId !== request.clientId)
      throw new GrantRefused('invalid_grant', 'The code was issued to another client.');
    if (grant.redirectUri !== request.redirectUri) {
      throw new GrantRefused('invalid_grant', 'redirect_uri differs from the one the code was issued for.');
    }
    if (!VERIFIER.test(request.codeVerifier)) {
      throw new GrantRefused('invalid_request', 'code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~.');
    }
    const expected = Buffer.from(grant.codeChallenge);
    const actual = Buffer.from(pkceChallenge(request.codeVerifier));
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new GrantRefused('invalid_grant', 'code_verifier does not match the code challenge (PKCE S256).');
    }
    return grant.subject;
  }

  private prune(): void {
    const now = this.now();
    for (const [code, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(code);
  }
}
