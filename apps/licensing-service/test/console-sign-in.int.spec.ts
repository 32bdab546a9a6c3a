import { pkceChallenge } from '@licensing/identity';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply, ServiceClient } from '@licensing/service-testing';
import { OpenApiContract } from './openapi-contract';
import { RunningService } from './running-service';

const VERIFIER = 'k'.repeat(43) + 'verifier-of-the-console';

/** The console's sign-in at the local issuer, step by step as a browser and oauth4webapi perform it. */
describe('the local issuer signs the console in: authorization code with PKCE, and the console served under /console', () => {
  const service = new RunningService();
  const consoleDir = mkdtempSync(join(tmpdir(), 'console-build-'));
  let client: ServiceClient;
  let callback: string;
  let contract: OpenApiContract;

  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(consoleDir, 'assets', 'app-1234.js'), 'console.log(1)');
    client = await service.start('2026-11-23T02:00:00Z', { CONSOLE_DIR: consoleDir });
    callback = `${client.url}/console/callback`;
    contract = new OpenApiContract((await client.get('/openapi.json', { id: 'liu.yang', role: 'auditor' })).body);
  }, 30_000);

  /** A raw answer as a Reply, held to the OpenAPI document's description of the operation. */
  async function documented(method: 'get' | 'post', path: string, response: Response): Promise<Reply> {
    const text = await response.text();
    const reply = { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
    expect(contract.problems(method, path, reply)).toEqual([]);
    return reply;
  }

  afterAll(async () => {
    await service.dispose();
    rmSync(consoleDir, { recursive: true, force: true });
  }, 30_000);

  const authorization = (overrides: Record<string, string> = {}) => ({
    client_id: 'console',
    redirect_uri: callback,
    state: 'state-1',
    code_challenge: pkceChallenge(VERIFIER),
    code_challenge_method: 'S256',
    ...overrides,
  });

  async function signIn(choice: Record<string, unknown>): Promise<URL> {
    const reply = await client.post('/oauth/authorize', null, { ...authorization(), ...choice });
    expect(reply.status).toBe(200);
    expect(contract.problems('post', '/oauth/authorize', reply)).toEqual([]);
    return new URL((reply.body as { redirectTo: string }).redirectTo);
  }

  function exchange(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${client.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'console',
        redirect_uri: callback,
        code_verifier: VERIFIER,
        ...fields,
      }).toString(),
    });
  }

  it('sends the authorization request to the sign-in page, and refuses a callback elsewhere (no open redirect)', async () => {
    const query = new URLSearchParams({ response_type: 'code', ...authorization() });
    const sent = await fetch(`${client.url}/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
    expect(sent.status).toBe(302);
    expect(contract.problems('get', '/oauth/authorize', { status: 302, headers: sent.headers, body: null })).toEqual(
      [],
    );
    expect(sent.headers.get('location')).toMatch(/^\/console\/sign-in\?client_id=console&redirect_uri=/);

    const elsewhere = new URLSearchParams({
      response_type: 'code',
      ...authorization({ redirect_uri: 'https://evil.example/cb' }),
    });
    const refused = await documented(
      'get',
      '/oauth/authorize',
      await fetch(`${client.url}/oauth/authorize?${elsewhere.toString()}`, { redirect: 'manual' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'sign_in.redirect_uri' });
  });

  it('exchanges the code once, with the right verifier, for a token the API accepts in the chosen role', async () => {
    const target = await signIn({ sub: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] });
    expect(target.origin + target.pathname).toBe(callback);
    expect(target.searchParams.get('state')).toBe('state-1');
    const code = target.searchParams.get('code')!;

    const wrong = await documented('post', '/oauth/token', await exchange({ code, code_verifier: 'w'.repeat(43) }));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('PKCE') });

    // The failed attempt spent the code: a stolen code is worth one guess.
    const again = await exchange({ code });
    expect(again.status).toBe(400);

    const fresh = (
      await signIn({ sub: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] })
    ).searchParams.get('code')!;
    const granted = await documented('post', '/oauth/token', await exchange({ code: fresh }));
    expect(granted.status).toBe(200);
    expect(granted.headers.get('cache-control')).toBe('no-store');
    const tokens = granted.body as { access_token: string; token_type: string; expires_in: number };
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 28_800 });

    const own = await fetch(`${client.url}/exporters/ningbo-magnetics`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(own.status).toBe(404); // in scope, never registered
    const others = await fetch(`${client.url}/work-queues/awaiting-acceptance`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(others.status).toBe(403); // an exporter has no officer queues

    // A client that accepts only problem details gets one, with OAuth's members.
    const replayed = await documented(
      'post',
      '/oauth/token',
      await exchange({ code: fresh }, { Accept: 'application/problem+json' }),
    );
    expect(replayed.status).toBe(400);
    expect(replayed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(replayed.body).toMatchObject({ status: 400, code: 'sign_in.invalid_grant', error: 'invalid_grant' });
  });

  it('refuses an exporter user who names no exporter, and a code sent to another redirect_uri', async () => {
    const refused = await client.post('/oauth/authorize', null, {
      ...authorization(),
      sub: 'li.wei',
      role: 'exporter',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'sign_in.exporters_required' });

    const code = (await signIn({ sub: 'zhang.min', role: 'licensing_officer' })).searchParams.get('code')!;
    const moved = await exchange({ code, redirect_uri: `${client.url}/console/elsewhere` });
    expect(await moved.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('serves the console: its settings, its assets cached for good, and index.html for any page address', async () => {
    const settings = await client.get('/console/config.json', null);
    expect(settings.body).toEqual({
      auth: expect.objectContaining({ mode: 'local', clientId: 'console', tokenEndpoint: '/oauth/token' }),
    });
    const page = await fetch(`${client.url}/console/licenses/L-1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>console</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${client.url}/console/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const discovery = await client.get('/.well-known/openid-configuration', null);
    expect(discovery.body).toMatchObject({
      token_endpoint: `${client.url}/oauth/token`,
      code_challenge_methods_supported: ['S256'],
    });
  });
});
