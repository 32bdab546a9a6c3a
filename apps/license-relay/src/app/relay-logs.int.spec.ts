import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRelayConfig } from './relay-config';
import { startRelayApp } from './start-relay-app';

/** The relay app's log: its own lines and Nest's, JSON through one pino logger (real broker). */
describe('the relay app logs JSON lines', () => {
  const brokers = kafkaBrokersFromEnv('apps/license-relay/jest.config.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-logs-'));
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startRelayApp(
      loadRelayConfig({
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `relay-logs-spec.${Date.now().toString(36)}.`,
        DATA_DIR: dataDir,
        RELAY_PORT: '0',
        RELAY_NAME: 'relay-logs-spec',
        LOG_LEVEL: 'log',
      }),
      { logDestination: { write: (text: string) => void lines.push(JSON.parse(text) as Record<string, unknown>) } },
    ));
  }, 60_000);

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it("writes the relay's lines and Nest's as JSON lines of the app", async () => {
    await waitUntil(
      () => lines.some((line) => line['context'] === 'LicenseRelay' && /^Resuming after/.test(String(line['msg']))),
      'the relay to say where it resumes',
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, app: 'license-relay', context: 'LicenseRelay', msg: expect.any(String) }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ context: 'RouterExplorer', msg: 'Mapped {/relay/status, GET} route' }),
    );
  });

  it('logs a status poll at debug only, and answers its correlation id', async () => {
    const reply = await fetch(`${url}/relay/status`, { headers: { 'X-Correlation-Id': 'poll-1' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-correlation-id')).toBe('poll-1');
    expect(lines.filter((line) => line['correlationId'] === 'poll-1')).toEqual([]);
  });
});
