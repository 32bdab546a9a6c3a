import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentitySettings } from './identity-settings';
import { LOCAL_ISSUER_KEY_FILE, mintLocalToken } from './local-issuer';
import { openIdentity } from './open-identity';

describe('openIdentity: the verifier the settings describe', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-identity-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is its own issuer by default: creates the key and verifies its tokens', async () => {
    const identity = await openIdentity(IdentitySettings.parse({}), dir);
    expect(existsSync(join(dir, LOCAL_ISSUER_KEY_FILE))).toBe(true);
    expect(identity.localIssuer).toEqual({
      issuer: 'urn:export-licensing:local-issuer',
      jwks: { keys: [expect.objectContaining({ kty: 'OKP' })] },
    });
    const token = await mintLocalToken(dir, { sub: 'wang.fang', role: 'reviewer' });
    expect(await identity.verifier.verify(token)).toMatchObject({ id: 'wang.fang', role: 'reviewer' });
  });

  it('uses a PEM key file instead, and publishes no keys of its own', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const file = join(dir, 'idp.pem');
    writeFileSync(file, await exportSPKI(publicKey));
    const settings = IdentitySettings.parse({ AUTH_ISSUER: 'https://idp.example', AUTH_PUBLIC_KEY_FILE: file });
    const identity = await openIdentity(settings, dir);
    expect(identity.localIssuer).toBeNull();
    expect(existsSync(join(dir, LOCAL_ISSUER_KEY_FILE))).toBe(false);
    const token = await new SignJWT({ roles: ['ops'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('https://idp.example')
      .setAudience('export-licensing')
      .setSubject('ma.lin')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await identity.verifier.verify(token)).toEqual({ id: 'ma.lin', role: 'ops', issuer: 'https://idp.example' });
    // The local issuer's tokens mean nothing here.
    await expect(identity.verifier.verify(await mintLocalToken(dir, { sub: 'x', role: 'ops' }))).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('stops the start when the key file is missing or not a public key', async () => {
    const settings = (file: string) => IdentitySettings.parse({ AUTH_ISSUER: 'x', AUTH_PUBLIC_KEY_FILE: file });
    await expect(openIdentity(settings(join(dir, 'missing.pem')), dir)).rejects.toThrow(
      /AUTH_PUBLIC_KEY_FILE: .*missing\.pem cannot be read \(ENOENT\)/,
    );
    const privatePem = join(dir, 'private.pem');
    writeFileSync(privatePem, await exportPKCS8((await generateKeyPair('ES256', { extractable: true })).privateKey));
    await expect(openIdentity(settings(privatePem), dir)).rejects.toThrow(/is not a PEM public key \(SPKI/);
  });
});
