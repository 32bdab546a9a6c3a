import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceClient } from '@licensing/service-testing';
import { RunningService } from './running-service';

describe('health: liveness, and readiness that checks the store, the read models and the verifiable log', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start('2026-11-23T02:00:00Z');
  }, 30_000);

  afterAll(async () => {
    await service.dispose();
  }, 30_000);

  it('is live, and ready with every check up (no Kafka check without KAFKA_BROKERS)', async () => {
    const live = await client.get('/health/live', null);
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });

    const ready = await client.get('/health/ready', null);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      error: {},
      details: {
        eventStore: { status: 'up', store: 'sqlite' },
        readModels: { status: 'up', maxLagEvents: 1000 },
        verifiableLog: { status: 'up' },
      },
    });
    expect(Object.keys(ready.body.info).sort()).toEqual(['eventStore', 'readModels', 'verifiableLog']);
    expect(ready.body.details.kafka).toBeUndefined();
    expect(Object.values(ready.body.details.readModels.models).length).toBeGreaterThan(0);
    const models: Record<string, { lagEvents: number }> = ready.body.details.readModels.models;
    for (const model of Object.values(models)) expect(model.lagEvents).toBeLessThanOrEqual(1000);
    expect(ready.body.details.verifiableLog.treeSize).toEqual(expect.any(Number));
  });

  it('answers 503 naming eventStore down once events.sqlite is gone, while still live', async () => {
    const file = join(service.dataDir, 'events.sqlite');
    expect(existsSync(file)).toBe(true);
    // The open handle goes on working on the unlinked file: only the file check sees it.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

    const ready = await client.get('/health/ready', null);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('error');
    expect(ready.body.error).toEqual({
      eventStore: { status: 'down', store: 'sqlite', error: 'events.sqlite is gone from DATA_DIR' },
    });
    expect(ready.body.details.eventStore.status).toBe('down');
    expect(ready.body.info.eventStore).toBeUndefined();

    const live = await client.get('/health/live', null);
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });
});
