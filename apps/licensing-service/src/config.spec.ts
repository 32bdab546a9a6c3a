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

  it('logs at LOG_LEVEL (the old log, warn and error, and debug and info) in LOG_FORMAT, and traces nothing by default', () => {
    expect(loadConfig({})).toMatchObject({ LOG_LEVEL: 'log', LOG_FORMAT: 'auto', OTEL_TRACES_EXPORTER: 'none' });
    for (const level of ['debug', 'info', 'log', 'warn', 'error']) {
      expect(loadConfig({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    }
    expect(loadConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose', LOG_FORMAT: 'xml' })).toThrow(/LOG_LEVEL: .*\n.*LOG_FORMAT: /);
  });

  it('exports traces over OTLP when OTEL_TRACES_EXPORTER says so, to an http(s) endpoint', () => {
    expect(
      loadConfig({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_SERVICE_NAME: 'licensing-eu',
      }),
    ).toMatchObject({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'licensing-eu',
    });
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'jaeger', OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://x:4317' })).toThrow(
      /OTEL_TRACES_EXPORTER: .*\n.*OTEL_EXPORTER_OTLP_ENDPOINT: /,
    );
  });

  it('keeps live tails to 20, a heartbeat every 15 s and 1000 events held for a slow client, unless told', () => {
    expect(loadConfig({})).toMatchObject({
      LIVE_TAIL_HEARTBEAT_MS: 15_000,
      LIVE_TAIL_BUFFER_EVENTS: 1000,
      LIVE_TAIL_MAX_CONNECTIONS: 20,
    });
    expect(() => loadConfig({ LIVE_TAIL_BUFFER_EVENTS: '0', LIVE_TAIL_MAX_CONNECTIONS: 'many' })).toThrow(
      /LIVE_TAIL_BUFFER_EVENTS: .*\n.*LIVE_TAIL_MAX_CONNECTIONS: /,
    );
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

  it("applies announcements' acts by default, holds them pending when told, and refuses anything else", () => {
    expect(loadConfig({}).ANNOUNCEMENT_ACTS).toBe('apply');
    expect(loadConfig({ ANNOUNCEMENT_ACTS: 'hold' }).ANNOUNCEMENT_ACTS).toBe('hold');
    expect(() => loadConfig({ ANNOUNCEMENT_ACTS: 'later' })).toThrow(/ANNOUNCEMENT_ACTS/);
  });
});
