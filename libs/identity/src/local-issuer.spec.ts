import { decodeJwt, decodeProtectedHeader } from 'jose';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalIssuer, LOCAL_ISSUER_KEY_FILE, mintLocalToken } from './local-issuer';

describe('the embedded local issuer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'local-issuer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an Ed25519 key once, readable by the owner only, and publishes only its public part', async () => {
    const jwks = await ensureLocalIssuer(join(dir, 'fresh'));
    expect(jwks.keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' },
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const file = join(dir, 'fresh', LOCAL_ISSUER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).privateJwk.d).toEqual(expect.any(String));
    expect(await ensureLocalIssuer(join(dir, 'fresh'))).toEqual(jwks);
    // Written through a temporary file, which is gone.
    expect(readdirSync(join(dir, 'fresh'))).toEqual([LOCAL_ISSUER_KEY_FILE]);
  });

  it('agrees on one key when several create it at once (the first writer wins)', async () => {
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => ensureLocalIssuer(dir)));
    expect(new Set(all.map((jwks) => jwks.keys[0]?.kid)).size).toBe(1);
    expect(readdirSync(dir)).toEqual([LOCAL_ISSUER_KEY_FILE]);
  });

  it('refuses a key file it did not write, saying what to do', async () => {
    writeFileSync(join(dir, LOCAL_ISSUER_KEY_FILE), '{"kid":"x","privateJwk":{"kty":"oct","k":"c2VjcmV0"}}');
    await expect(ensureLocalIssuer(dir)).rejects.toThrow(/is not a key this service wrote\. Move it away/);
  });

  it('mints a token like an identity provider would: kid, issuer, audience, 8 hours by default', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    const token = await mintLocalToken(dir, {
      sub: 'li.wei',
      role: 'exporter',
      exporterIds: ['ningbo-magnetics'],
      now,
    });
    const { keys } = await ensureLocalIssuer(dir);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: keys[0]?.kid });
    const iat = now.getTime() / 1000;
    expect(decodeJwt(token)).toEqual({
      iss: 'urn:export-licensing:local-issuer',
      aud: 'export-licensing',
      sub: 'li.wei',
      roles: ['exporter'],
      exporter_ids: ['ningbo-magnetics'],
      iat,
      nbf: iat,
      exp: iat + 8 * 3600,
      jti: expect.any(String),
    });
  });

  it('writes claims under the names the service is configured to read', async () => {
    const token = await mintLocalToken(dir, {
      sub: 'chen.jie',
      role: 'licensing_officer',
      ttlSeconds: 60,
      audience: 'api://licensing',
      claims: { roles: 'realm_access.roles', subject: 'preferred_username' },
    });
    expect(decodeJwt(token)).toMatchObject({
      aud: 'api://licensing',
      'realm_access.roles': ['licensing_officer'],
      preferred_username: 'chen.jie',
    });
  });

  it('never mints system, an exporter for nobody, or a lifetime that is not positive', async () => {
    await expect(mintLocalToken(dir, { sub: 'scheduler', role: 'system' as never })).rejects.toThrow(
      /No token can carry the role 'system'/,
    );
    await expect(mintLocalToken(dir, { sub: 'li.wei', role: 'exporter' })).rejects.toThrow(/needs the exporters/);
    await expect(mintLocalToken(dir, { sub: 'a', role: 'auditor', ttlSeconds: 0 })).rejects.toThrow(/positive/);
    await expect(mintLocalToken(dir, { sub: ' ', role: 'auditor' })).rejects.toThrow(/subject/);
  });
});
