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
});
