// A real OpenID provider for the console's browser suite (panva's
// oidc-provider, the certified implementation), run as its own process: the
// authorization-code flow with PKCE, JWT access tokens for the API's
// audience, and its development login page. A login name says who and in
// which role: `liu.yang@auditor`, `li.wei@exporter:ningbo-magnetics`.
// The console's callback is any loopback port's /console/callback: the
// service under test starts after the provider, on a port of its own.
//   AUDIENCE=export-licensing node oidc-provider-process.mjs
// Prints `listening on <issuer>` when ready.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const audience = process.env.AUDIENCE ?? 'export-licensing';
// RFC 8707 wants the resource as an absolute URI; the token's `aud` is the service's AUTH_AUDIENCE.
const resource = 'urn:export-licensing:api';
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}/`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** `sub@role[:exporter,…]` → the claims this service reads. */
function claimsOf(accountId) {
  const [, role = '', exporters] = /^[^@]+@([a-z_]+)(?::(.+))?$/.exec(accountId) ?? [];
  return { roles: [role], ...(exporters ? { exporter_ids: exporters.split(',') } : {}) };
}

const resourceServer = {
  scope: 'openid profile',
  audience,
  accessTokenFormat: 'jwt',
  accessTokenTTL: 3600,
  jwt: { sign: { alg: 'RS256' } },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'console',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/console/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-rsa', alg: 'RS256', use: 'sig' }] },
  pkce: { required: () => true, methods: ['S256'] },
  clientBasedCORS: () => true,
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => resourceServer,
    },
  },
  findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId }) }),
  extraTokenClaims: (_ctx, token) => claimsOf(token.accountId),
  // Consent is the provider's business, not what the suite tests: every sign-in grants what the console asks.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(resource, 'openid profile');
    await grant.save();
    return grant;
  },
});
const LOOPBACK_CALLBACK = /^http:\/\/127\.0\.0\.1:\d+\/console\/callback$/;
provider.Client.prototype.redirectUriAllowed = (uri) => LOOPBACK_CALLBACK.test(uri);
server.on('request', provider.callback());
console.log(`listening on ${issuer}`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
