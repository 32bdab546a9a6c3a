import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { promtoolCheck, samples, valueOf } from '@licensing/service-testing';
import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRelayConfig } from './relay-config';
import { startRelayApp } from './start-relay-app';

describe('the relay as its own process: status, health and Prometheus metrics (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/license-relay/jest.config.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'license-relay-app-'));
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startRelayApp(
      loadRelayConfig({
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `relay-app-spec.${Date.now().toString(36)}.`,
        DATA_DIR: dataDir,
        RELAY_PORT: '0',
        RELAY_NAME: 'relay-app-spec',
        LOG_LEVEL: 'error',
      }),
    ));
  }, 60_000);

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('serves /metrics without a token: the relay live with no lag, Node process metrics, promtool-clean', async () => {
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, 'the relay to be live');
    const scrape = await fetch(`${url}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    const all = samples(text);
    expect(valueOf(all, 'licensing_relay_lag_events', { relay: 'relay-app-spec' })).toBe(0);
    expect(valueOf(all, 'process_cpu_user_seconds_total')).toEqual(expect.any(Number));
    expect(promtoolCheck(text)).toEqual({ status: 0, output: '' });
  });
});
