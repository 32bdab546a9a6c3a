import type { EventStore } from '@licensing/event-store';
import { ensureLocalIssuer, LOCAL_ISSUER_ID, mintLocalToken } from '@licensing/identity';
import { exporterUser, policyOfficer, registerNingbo, ServiceClient } from '@licensing/service-testing';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { EVENT_STORE } from '../src/infrastructure/tokens';

/** The service in this process on its own data directory, with the AUTH_* settings given. */
async function serviceWith(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'authentication-'));
  const { app, url } = await startService(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, CLOCK_FIXED_AT: '2026-11-23T02:00:00Z', LOG_LEVEL: 'error', ...env }),
  );
  return {
    app,
    url,
    dataDir,
    client: new ServiceClient(url, { dataDir }),
    dispose: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const read = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/rule-history/measures`, { headers }).then(async (response) => ({
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as any,
  }));

describe('authentication: verified bearer tokens (the service as its own issuer)', () => {
  let service: Awaited<ReturnType<typeof serviceWith>>;
  beforeAll(async () => {
    service = await serviceWith();
  });
  afterAll(() => service.dispose());

  it('publishes its public keys and a minimal discovery document, to anyone', async () => {
    const jwks = await fetch(`${service.url}/.well-known/jwks.json`).then((r) => r.json());
    expect(jwks).toEqual(await ensureLocalIssuer(service.dataDir));
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const discovery = await fetch(`${service.url}/.well-known/openid-configuration`).then((r) => r.json());
    expect(discovery).toEqual({
      issuer: LOCAL_ISSUER_ID,
      jwks_uri: `${service.url}/.well-known/jwks.json`,
      // The console's sign-in at the local issuer: authorization code with PKCE, a public client.
      authorization_endpoint: `${service.url}/oauth/authorize`,
      token_endpoint: `${service.url}/oauth/token`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
    });
  });

  it('asks for a token with 401 and a Bearer challenge; the old actor headers count for nothing', async () => {
    expect(await read(service.url)).toMatchObject({
      status: 401,
      challenge: 'Bearer realm="export-licensing"',
      body: { code: 'request.unauthenticated', detail: expect.stringContaining('Authorization: Bearer') },
    });
    expect(await read(service.url, { 'X-Actor-Id': 'he.lan', 'X-Actor-Role': 'policy_officer' })).toMatchObject({
      status: 401,
    });
    expect(await read(service.url, { Authorization: 'Basic aGUubGFuOnB3' })).toMatchObject({
      status: 401,
      challenge: 'Bearer realm="export-licensing", error="invalid_request"',
      body: { code: 'auth.malformed_authorization' },
    });
  });

  it('refuses a token that does not verify with 401 invalid_token, and one with no usable role with 403', async () => {
    const other = mkdtempSync(join(tmpdir(), 'other-issuer-'));
    try {
      const foreign = await mintLocalToken(other, { sub: 'he.lan', role: 'policy_officer' });
      expect(await read(service.url, { Authorization: `Bearer ${foreign}` })).toMatchObject({
        status: 401,
        challenge: 'Bearer realm="export-licensing", error="invalid_token"',
        body: { code: 'auth.unknown_key' },
      });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    const expired = await mintLocalToken(service.dataDir, {
      sub: 'he.lan',
      role: 'policy_officer',
      now: new Date(Date.now() - 9 * 3600_000),
    });
    expect(await read(service.url, { Authorization: `Bearer ${expired}` })).toMatchObject({
      status: 401,
      body: { code: 'auth.token_expired' },
    });
    const nobody = await service.client.get('/rule-history/measures', { id: 'li.wei', role: 'exporter' });
    expect(nobody).toMatchObject({ status: 403, body: { code: 'auth.no_exporters' } });
    expect(nobody.headers.get('www-authenticate')).toBeNull();
    expect((await service.client.get('/rule-history/measures', policyOfficer)).status).toBe(200);
  });

  it("records the verified subject, its issuer and the user's exporters with every event", async () => {
    const registered = await service.client.post('/exporters', exporterUser, registerNingbo);
    expect(registered.status).toBe(201);
    const [event] = await service.app.get<EventStore>(EVENT_STORE).readStream('exporter-ningbo-magnetics');
    expect(event?.metadata).toMatchObject({
      actor: 'li.wei',
      role: 'exporter',
      issuer: LOCAL_ISSUER_ID,
      exporterIds: ['ningbo-magnetics'],
    });
  });
});

describe('authentication with an identity provider’s key (AUTH_PUBLIC_KEY_FILE)', () => {
  const ISSUER = 'https://sso.example.com/realms/licensing';

  it('trusts that issuer only, reads the configured claims, and publishes no keys of its own', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const keyDir = mkdtempSync(join(tmpdir(), 'idp-key-'));
    const keyFile = join(keyDir, 'idp.pem');
    writeFileSync(keyFile, await exportSPKI(publicKey));
    const service = await serviceWith({
      AUTH_ISSUER: ISSUER,
      AUTH_PUBLIC_KEY_FILE: keyFile,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_SUBJECT_CLAIM: 'preferred_username',
    });
    try {
      const token = await new SignJWT({
        preferred_username: 'he.lan',
        realm_access: { roles: ['offline_access', 'policy_officer'] },
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .setIssuer(ISSUER)
        .setAudience('export-licensing')
        .setSubject('f3a9c1d2')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect((await read(service.url, { Authorization: `Bearer ${token}` })).status).toBe(200);
      const local = await mintLocalToken(service.dataDir, { sub: 'he.lan', role: 'policy_officer' });
      expect(await read(service.url, { Authorization: `Bearer ${local}` })).toMatchObject({ status: 401 });
      expect((await fetch(`${service.url}/.well-known/jwks.json`)).status).toBe(404);
    } finally {
      await service.dispose();
      rmSync(keyDir, { recursive: true, force: true });
    }
  });
});
