import { loadConfig } from './config';

describe('loadConfig', () => {
  it('runs the embedded shape on loopback port 3000 by default', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: 'data', EVENT_STORE: 'sqlite', SEED_POLICY: true });
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', EVENT_STORE: 'postgres' })).toThrow(/PORT: .*\n.*EVENT_STORE: /);
  });
});
