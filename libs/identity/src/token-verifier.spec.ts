import { base64url, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CLAIMS } from './claims';
import { InvalidToken, UnusableToken } from './identity-errors';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER_ID } from './identity-settings';
import { ensureLocalIssuer, mintLocalToken, signLocalToken } from './local-issuer';
import { createTokenVerifier, type KeySource, type TokenVerifier } from './token-verifier';

const base = {
  issuer: LOCAL_ISSUER_ID,
  audience: DEFAULT_AUDIENCE,
  algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] as const,
  clockSkewSeconds: 30,
  claims: DEFAULT_CLAIMS,
};
const verifierFor = (keys: KeySource) => createTokenVerifier({ ...base, algorithms: [...base.algorithms], keys });
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

async function refusalOf(verifier: TokenVerifier, token: string): Promise<unknown> {
  try {
    await verifier.verify(token);
  } catch (error) {
    return error;
  }
  throw new Error('expected the token to be refused');
}

describe('token verification: what a token must be, and the attacks it refuses', () => {
  let dir: string;
  let other: string;
  let verifier: TokenVerifier;
  const officer = { sub: 'zhang.min', role: 'licensing_officer' } as const;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verifier-'));
    other = mkdtempSync(join(tmpdir(), 'verifier-other-'));
    verifier = verifierFor({ kind: 'jwks', jwks: await ensureLocalIssuer(dir) });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  const expectUnauthenticated = async (token: string, code: string) => {
    const error = await refusalOf(verifier, token);
    expect(error).toBeInstanceOf(InvalidToken);
    expect(error).toMatchObject({ kind: 'unauthenticated', code });
    // Never the token, never jose's own words.
    if (token !== '') expect((error as Error).message).not.toContain(token.slice(0, 20));
    expect((error as Error).message).not.toMatch(/JWS|JWT"|claim timestamp/);
  };

  it('accepts a token of the local issuer and maps it to the actor, issuer included', async () => {
    const token = await mintLocalToken(dir, { sub: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] });
    expect(await verifier.verify(token)).toEqual({
      id: 'li.wei',
      role: 'exporter',
      issuer: LOCAL_ISSUER_ID,
      exporterIds: ['ningbo-magnetics'],
    });
  });

  it('refuses a token signed by another key under our kid, and one whose payload was edited', async () => {
    const ours = await mintLocalToken(dir, officer);
    const kid = (await ensureLocalIssuer(dir)).keys[0]?.kid as string;
    const { privateKey } = await generateKeyPair('EdDSA');
    const forged = await new SignJWT({ ...officer, roles: ['licensing_officer'], iss: LOCAL_ISSUER_ID })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectUnauthenticated(forged, 'auth.invalid_token');
    const [header, , signature] = ours.split('.');
    const edited = base64url.encode(JSON.stringify({ sub: 'zhang.min', roles: ['auditor'], exp: 9999999999 }));
    await expectUnauthenticated(`${header}.${edited}.${signature}`, 'auth.invalid_token');
  });

  it('refuses a token from another issuer’s key (unknown kid), and an unknown kid on our key', async () => {
    await expectUnauthenticated(await mintLocalToken(other, officer), 'auth.unknown_key');
    const now = seconds(new Date());
    const payload = { iss: LOCAL_ISSUER_ID, aud: DEFAULT_AUDIENCE, sub: 'x', roles: ['auditor'], exp: now + 60 };
    const unknownKid = await signLocalToken(dir, payload, { kid: false });
    // Without a kid the one key of the set is tried, and it is ours: that is fine.
    expect((await verifier.verify(unknownKid)).role).toBe('auditor');
    const [, body, signature] = unknownKid.split('.');
    const renamed = base64url.encode(JSON.stringify({ alg: 'EdDSA', kid: 'rotated-away' }));
    await expectUnauthenticated(`${renamed}.${body}.${signature}`, 'auth.unknown_key');
  });

  it("refuses alg 'none': an unsigned token", async () => {
    const unsigned = new UnsecuredJWT({ sub: 'zhang.min', roles: ['licensing_officer'] })
      .setIssuer(LOCAL_ISSUER_ID)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    await expectUnauthenticated(unsigned, 'auth.invalid_token');
  });

  it('refuses HS256 "signed" with the public key bytes as the HMAC secret (key confusion)', async () => {
    const jwks = await ensureLocalIssuer(dir);
    const publicKey = jwks.keys[0] as { x: string; kid: string };
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: publicKey.kid }));
    const now = seconds(new Date());
    const body = base64url.encode(
      JSON.stringify({ iss: LOCAL_ISSUER_ID, aud: DEFAULT_AUDIENCE, sub: 'x', roles: ['auditor'], exp: now + 60 }),
    );
    for (const secret of [JSON.stringify(publicKey), Buffer.from(publicKey.x, 'base64url')]) {
      const mac = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
      await expectUnauthenticated(`${header}.${body}.${mac}`, 'auth.invalid_token');
    }
  });

  it('refuses expired and not-yet-valid tokens, within the clock skew allowed', async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await expectUnauthenticated(await mintLocalToken(dir, { ...officer, now: hoursAgo(9) }), 'auth.token_expired');
    const justExpired = await mintLocalToken(dir, { ...officer, ttlSeconds: 60, now: new Date(Date.now() - 75_000) });
    expect((await verifier.verify(justExpired)).id).toBe('zhang.min');
    await expectUnauthenticated(
      await mintLocalToken(dir, { ...officer, now: new Date(Date.now() + 3600_000) }),
      'auth.token_not_yet_valid',
    );
  });

  it('takes a token it verified before on its word only while it is valid: once expired it is refused', async () => {
    let clock = new Date();
    const clocked = createTokenVerifier({
      ...base,
      algorithms: [...base.algorithms],
      keys: { kind: 'jwks', jwks: await ensureLocalIssuer(dir) },
      now: () => clock,
    });
    const token = await mintLocalToken(dir, { ...officer, ttlSeconds: 60, now: clock });
    expect((await clocked.verify(token)).id).toBe('zhang.min');
    expect((await clocked.verify(token)).id).toBe('zhang.min');
    // Past its expiry and the clock skew allowed.
    clock = new Date(clock.getTime() + 91_000);
    await expect(clocked.verify(token)).rejects.toMatchObject({ code: 'auth.token_expired' });
  });

  it('refuses a token without an expiry', async () => {
    const payload = { iss: LOCAL_ISSUER_ID, aud: DEFAULT_AUDIENCE, sub: 'x', roles: ['auditor'] };
    await expectUnauthenticated(await signLocalToken(dir, payload), 'auth.invalid_token');
  });

  it('refuses the wrong issuer and the wrong audience', async () => {
    await expectUnauthenticated(
      await mintLocalToken(dir, { ...officer, issuer: 'https://evil.example' }),
      'auth.wrong_issuer',
    );
    await expectUnauthenticated(await mintLocalToken(dir, { ...officer, audience: 'payroll' }), 'auth.wrong_audience');
  });

  it('refuses garbage as a token', async () => {
    for (const token of ['', 'abc', 'a.b.c', 'eyJhbGciOiJFZERTQSJ9..', '....'])
      await expectUnauthenticated(token, 'auth.invalid_token');
  });

  it('answers 403-kinds for a genuine token with no usable role: system, none of ours, several of ours', async () => {
    const now = seconds(new Date());
    const claims = (roles: string[]) => ({
      iss: LOCAL_ISSUER_ID,
      aud: DEFAULT_AUDIENCE,
      sub: 'x',
      roles,
      exp: now + 60,
    });
    for (const [roles, code] of [
      [['system'], 'auth.system_role'],
      [['offline_access'], 'auth.no_role'],
      [[], 'auth.no_role'],
      [['auditor', 'licensing_officer'], 'auth.ambiguous_role'],
    ] as const) {
      const error = await refusalOf(verifier, await signLocalToken(dir, claims([...roles])));
      expect(error).toBeInstanceOf(UnusableToken);
      expect(error).toMatchObject({ kind: 'forbidden', code });
    }
  });

  describe('with one PEM public key (AUTH_PUBLIC_KEY_FILE)', () => {
    it('verifies RS256 and PS256 with an RSA key, and refuses other algorithms and HS256 with the PEM as secret', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const pem = await exportSPKI(publicKey);
      const pemVerifier = verifierFor({ kind: 'public-key', pem });
      const sign = (alg: string, key = privateKey) =>
        new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg })
          .setIssuer(LOCAL_ISSUER_ID)
          .setAudience(DEFAULT_AUDIENCE)
          .setSubject('liu.yang')
          .setExpirationTime('5m')
          .sign(key);
      expect((await pemVerifier.verify(await sign('RS256'))).id).toBe('liu.yang');
      expect((await pemVerifier.verify(await sign('PS256'))).id).toBe('liu.yang');
      const ec = await generateKeyPair('ES256');
      expect(await refusalOf(pemVerifier, await sign('ES256', ec.privateKey))).toMatchObject({
        code: 'auth.invalid_token',
      });
      const hs = await sign('HS256', new TextEncoder().encode(pem) as never);
      expect(await refusalOf(pemVerifier, hs)).toMatchObject({ code: 'auth.invalid_token' });
      // Even told to accept HS256 (the settings never allow it), the RSA key cannot verify a MAC.
      const careless = createTokenVerifier({
        ...base,
        algorithms: ['HS256' as never],
        keys: { kind: 'public-key', pem },
      });
      expect(await refusalOf(careless, hs)).toMatchObject({ code: 'auth.invalid_token' });
    });
  });
});
