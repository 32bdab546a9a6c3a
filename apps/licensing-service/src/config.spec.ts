import { loadConfig } from './config';

describe('loadConfig', () => {
  it('runs the embedded shape on loopback port 3000 by default', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: 'data',
      EVENT_STORE: 'sqlite',
      SEED_POLICY: true,
    });
  });

  it('limits bodies to 1 MB and requests to 600 a minute per user and 1200 per address, with CORS off', () => {
    expect(loadConfig({})).toMatchObject({
      BODY_LIMIT: 1024 * 1024,
      CORS_ORIGINS: [],
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 1200,
    });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT: '256kb' })).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 0,
      BODY_LIMIT: 256 * 1024,
    });
    expect(() => loadConfig({ BODY_LIMIT: '1 gallon', CORS_ORIGINS: '*' })).toThrow(/BODY_LIMIT: .*\n.*CORS_ORIGINS/);
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', EVENT_STORE: 'postgres' })).toThrow(/PORT: .*\n.*EVENT_STORE: /);
  });

  it('switches to EventStoreDB by configuration only, and says what is missing or wrong', () => {
    expect(
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' }),
    ).toMatchObject({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING: EVENT_STORE=eventstoredb needs the cluster address/,
    );
    expect(() =>
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://127.0.0.1:2113' }),
    ).toThrow(/EVENTSTORE_CONNECTION_STRING: .*esdb/);
  });

  it('verifies tokens of the embedded local issuer by default, and refuses unsafe or incomplete AUTH_* settings', () => {
    expect(loadConfig({})).toMatchObject({
      AUTH_AUDIENCE: 'export-licensing',
      AUTH_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      AUTH_CLOCK_SKEW_SECONDS: 30,
    });
    expect(() => loadConfig({ AUTH_ALGORITHMS: 'RS256,HS256' })).toThrow(/AUTH_ALGORITHMS: HS256 is a shared-secret/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://sso.example.com/certs' })).toThrow(/AUTH_ISSUER: required/);
  });
});
