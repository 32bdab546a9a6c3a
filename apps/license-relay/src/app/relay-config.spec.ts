import { loadRelayConfig } from './relay-config';

describe('the relay configuration', () => {
  it('needs KAFKA_BROKERS and says what it takes', () => {
    expect(() => loadRelayConfig({})).toThrow(/KAFKA_BROKERS: required: the comma-separated host:port list/);
    expect(() => loadRelayConfig({ KAFKA_BROKERS: 'kafka-1, nope' })).toThrow(
      /KAFKA_BROKERS must be a comma-separated list of host:port/,
    );
  });

  it('reads a broker list and defaults to the embedded store in data/', () => {
    expect(loadRelayConfig({ KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9092 ' })).toEqual({
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      DATA_DIR: 'data',
      EVENT_STORE: 'sqlite',
      RELAY_PORT: 3001,
      RELAY_HOST: '127.0.0.1',
      RELAY_NAME: 'license-relay',
      KAFKA_CLIENT_ID: 'license-relay',
      KAFKA_TOPIC_PREFIX: '',
      RELAY_BATCH_EVENTS: 2000,
      RELAY_BATCH_BYTES: 524288,
      RELAY_PARK_AFTER_ATTEMPTS: 5,
      LOG_LEVEL: 'log',
      LOG_FORMAT: 'auto',
      OTEL_TRACES_EXPORTER: 'none',
      // The service's identity defaults: the local issuer's key in DATA_DIR.
      AUTH_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      AUTH_AUDIENCE: 'export-licensing',
      AUTH_CLOCK_SKEW_SECONDS: 30,
      AUTH_EXPORTERS_CLAIM: 'exporter_ids',
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_SUBJECT_CLAIM: 'sub',
    });
  });

  it('takes the AUTH_* settings as the service does: a JWKS URL needs its issuer', () => {
    expect(() => loadRelayConfig({ KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /AUTH_ISSUER/,
    );
  });

  it('needs a connection string for EventStoreDB', () => {
    expect(() => loadRelayConfig({ KAFKA_BROKERS: 'k:9092', EVENT_STORE: 'eventstoredb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING: EVENT_STORE=eventstoredb needs the cluster address/,
    );
    expect(() =>
      loadRelayConfig({
        KAFKA_BROKERS: 'k:9092',
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113',
      }),
    ).toThrow(/EVENTSTORE_CONNECTION_STRING: .*esdb/);
    expect(
      loadRelayConfig({
        KAFKA_BROKERS: 'k:9092',
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      }).EVENT_STORE,
    ).toBe('eventstoredb');
  });
});
