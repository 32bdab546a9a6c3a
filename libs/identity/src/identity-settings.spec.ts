import { loadSettings } from '@licensing/platform';
import { checkIdentitySettings, IdentitySettings, LOCAL_ISSUER_ID, usesLocalIssuer } from './identity-settings';

const load = (env: NodeJS.ProcessEnv) => loadSettings('test', IdentitySettings.superRefine(checkIdentitySettings), env);

describe('IdentitySettings', () => {
  it('trusts the local issuer by default, with asymmetric algorithms, 30 s of skew and the usual claim names', () => {
    const settings = load({});
    expect(settings).toEqual({
      AUTH_AUDIENCE: 'export-licensing',
      AUTH_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      AUTH_CLOCK_SKEW_SECONDS: 30,
      AUTH_SUBJECT_CLAIM: 'sub',
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_EXPORTERS_CLAIM: 'exporter_ids',
    });
    expect(usesLocalIssuer(settings)).toBe(true);
    expect(LOCAL_ISSUER_ID).toBe('urn:export-licensing:local-issuer');
  });

  it('takes a Keycloak realm as configured', () => {
    const settings = load({
      AUTH_ISSUER: 'https://sso.example.com/realms/licensing',
      AUTH_JWKS_URL: 'https://sso.example.com/realms/licensing/protocol/openid-connect/certs',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_ALGORITHMS: 'RS256',
    });
    expect(settings).toMatchObject({ AUTH_ALGORITHMS: ['RS256'], AUTH_ROLES_CLAIM: 'realm_access.roles' });
    expect(usesLocalIssuer(settings)).toBe(false);
  });

  it.each([
    ['none', /AUTH_ALGORITHMS: 'none' would accept unsigned tokens/],
    ['RS256,HS256', /AUTH_ALGORITHMS: HS256 is a shared-secret algorithm/],
    ['hs512', /AUTH_ALGORITHMS: hs512 is a shared-secret algorithm/],
    ['RS257', /AUTH_ALGORITHMS: unknown algorithm 'RS257'/],
    [' , ', /AUTH_ALGORITHMS: name at least one algorithm/],
  ])('refuses AUTH_ALGORITHMS=%s at start, saying why', (value, message) => {
    expect(() => load({ AUTH_ALGORITHMS: value })).toThrow(message);
  });

  it('refuses a JWKS fetched in clear text except on loopback', () => {
    expect(() => load({ AUTH_ISSUER: 'x', AUTH_JWKS_URL: 'http://sso.example.com/certs' })).toThrow(
      /AUTH_JWKS_URL: https is required/,
    );
    expect(load({ AUTH_ISSUER: 'x', AUTH_JWKS_URL: 'http://127.0.0.1:8080/certs' }).AUTH_JWKS_URL).toBe(
      'http://127.0.0.1:8080/certs',
    );
    expect(() => load({ AUTH_ISSUER: 'x', AUTH_JWKS_URL: 'ftp://sso.example.com/certs' })).toThrow(/AUTH_JWKS_URL/);
  });

  it('needs the issuer named with an external key source, and one key source at most', () => {
    expect(() => load({ AUTH_JWKS_URL: 'https://sso.example.com/certs' })).toThrow(/AUTH_ISSUER: required/);
    expect(() => load({ AUTH_PUBLIC_KEY_FILE: '/etc/keys/idp.pem' })).toThrow(/AUTH_ISSUER: required/);
    expect(() =>
      load({ AUTH_ISSUER: 'x', AUTH_JWKS_URL: 'https://sso.example.com/certs', AUTH_PUBLIC_KEY_FILE: '/k.pem' }),
    ).toThrow(/AUTH_PUBLIC_KEY_FILE: set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE, not both/);
  });

  it('bounds the clock skew', () => {
    expect(load({ AUTH_CLOCK_SKEW_SECONDS: '0' }).AUTH_CLOCK_SKEW_SECONDS).toBe(0);
    expect(() => load({ AUTH_CLOCK_SKEW_SECONDS: '3600' })).toThrow(/AUTH_CLOCK_SKEW_SECONDS/);
  });
});
