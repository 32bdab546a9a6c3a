import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CLAIMS } from './claims';
import { InvalidToken, KeysUnavailable } from './identity-errors';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

const ISSUER = 'https://sso.example.com/realms/licensing';
const AUDIENCE = 'export-licensing';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const tokenBy = (key: SigningKey, subject: string) =>
  new SignJWT({ realm_access: { roles: ['offline_access', 'auditor'] } })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);

/** An identity provider's JWKS endpoint on loopback whose keys the spec changes, counting fetches. */
describe('key rotation against a real JWKS endpoint (node:http on 127.0.0.1)', () => {
  let server: Server;
  let url: URL;
  let published: JWK[] = [];
  let fetches = 0;
  let failing = false;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      if (failing) {
        response.writeHead(502).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/licensing/certs`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verifier = (cooldownMs?: number): TokenVerifier =>
    createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['ES256'],
      clockSkewSeconds: 30,
      claims: { ...DEFAULT_CLAIMS, roles: 'realm_access.roles' },
      keys: { kind: 'jwks-url', url, ...(cooldownMs === undefined ? {} : { cooldownMs }) },
    });

  it('verifies a token with a new kid once the JWKS has the new key, with no restart', async () => {
    const first = await signingKey('2026-11-a');
    const second = await signingKey('2026-11-b');
    published = [first.publicJwk];
    fetches = 0;
    const rotating = verifier(0);
    expect(await rotating.verify(await tokenBy(first, 'liu.yang'))).toEqual({
      id: 'liu.yang',
      role: 'auditor',
      issuer: ISSUER,
    });
    expect(fetches).toBe(1);
    // The IdP rotates: the new key signs, the old one is still published for tokens in flight.
    published = [second.publicJwk, first.publicJwk];
    expect((await rotating.verify(await tokenBy(second, 'liu.yang'))).id).toBe('liu.yang');
    expect(fetches).toBe(2);
    // Cached: known kids need no fetch.
    await rotating.verify(await tokenBy(first, 'liu.yang'));
    await rotating.verify(await tokenBy(second, 'liu.yang'));
    expect(fetches).toBe(2);
  });

  it('refuses an unknown kid without refetching more than once per cooldown (no fetch storm from forged kids)', async () => {
    const known = await signingKey('known');
    published = [known.publicJwk];
    fetches = 0;
    const guarded = verifier();
    await guarded.verify(await tokenBy(known, 'liu.yang'));
    for (let i = 0; i < 5; i++) {
      const error = await guarded.verify(await tokenBy(await signingKey(`forged-${i}`), 'mallory')).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidToken);
      expect(error).toMatchObject({ code: 'auth.unknown_key' });
    }
    expect(fetches).toBe(1);
  });

  it('says the keys are unavailable (not that the token is bad) when the endpoint fails', async () => {
    const key = await signingKey('any');
    failing = true;
    try {
      const error = await verifier(0)
        .verify(await tokenBy(key, 'liu.yang'))
        .catch((e) => e);
      expect(error).toBeInstanceOf(KeysUnavailable);
      expect(error).toMatchObject({ code: 'auth.keys_unavailable' });
    } finally {
      failing = false;
    }
  });
});
