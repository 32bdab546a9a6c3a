import { loadGateConfig } from './config';

describe('loadGateConfig', () => {
  it('needs KAFKA_BROKERS and defaults the rest', () => {
    expect(loadGateConfig({ KAFKA_BROKERS: '127.0.0.1:9092' })).toEqual({
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      GATE_PORT: 3100,
      HOST: '127.0.0.1',
      GATE_GROUP_ID: 'customs-gate',
      KAFKA_TOPIC_PREFIX: '',
      BODY_LIMIT: 1024 * 1024,
      CORS_ORIGINS: [],
      LOG_LEVEL: 'log',
      LOG_FORMAT: 'auto',
      OTEL_TRACES_EXPORTER: 'none',
    });
  });

  it('shares the HTTP edge settings of the licensing service', () => {
    expect(
      loadGateConfig({ KAFKA_BROKERS: 'k1:9092', BODY_LIMIT: '64kb', CORS_ORIGINS: 'https://gate.example.com' }),
    ).toMatchObject({ BODY_LIMIT: 64 * 1024, CORS_ORIGINS: ['https://gate.example.com'] });
    expect(() => loadGateConfig({ KAFKA_BROKERS: 'k1:9092', BODY_LIMIT: 'lots' })).toThrow(/BODY_LIMIT/);
  });

  it('reads a broker list, a port and a fixed clock', () => {
    const config = loadGateConfig({
      KAFKA_BROKERS: 'k1:9092, k2:9093',
      GATE_PORT: '0',
      CLOCK_FIXED_AT: '2026-02-10T02:00:00Z',
    });
    expect(config).toMatchObject({
      KAFKA_BROKERS: ['k1:9092', 'k2:9093'],
      GATE_PORT: 0,
      CLOCK_FIXED_AT: '2026-02-10T02:00:00Z',
    });
  });

  it('stops the start without brokers, naming the variable', () => {
    expect(() => loadGateConfig({})).toThrow(/KAFKA_BROKERS: required: the Kafka bootstrap servers/);
    expect(() => loadGateConfig({ KAFKA_BROKERS: ' , ' })).toThrow(/KAFKA_BROKERS: at least one host:port/);
  });

  it('stops the start on a malformed broker or port', () => {
    expect(() => loadGateConfig({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS\.0: host:port/);
    expect(() => loadGateConfig({ KAFKA_BROKERS: 'k1:9092', GATE_PORT: '70000' })).toThrow(/GATE_PORT/);
  });
});
