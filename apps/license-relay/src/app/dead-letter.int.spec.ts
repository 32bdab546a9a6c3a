import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { openSqliteEventStore } from '@licensing/event-store';
import { samples, valueOf } from '@licensing/service-testing';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRelayConfig } from './relay-config';
import { startRelayApp } from './start-relay-app';

const AT = '2026-11-23T00:00:00.000Z';

describe('the relay as its own process dead-letters an event it cannot map, and lists it (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/license-relay/jest.config.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'license-relay-dead-letter-'));
  const poisonId = randomUUID();
  let position: bigint;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    // The service's store, with an event no mapping can read, written as no command would write it.
    const store = openSqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
    const metadata = { actor: 'spec', role: 'system', commandId: 'c', correlationId: 'c', causationId: 'c' };
    ({ position } = await store.append(
      'license-L-garbled',
      [
        {
          id: poisonId,
          type: 'LicenseIssued',
          version: 1,
          data: { garbled: true },
          metadata: { ...metadata, occurredAt: AT, recordedAt: AT },
        },
      ],
      { expectedRevision: 'no_stream' },
    ));
    await store.close();
    ({ app, url } = await startRelayApp(
      loadRelayConfig({
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `relay-app-dead-letter.${Date.now().toString(36)}.`,
        DATA_DIR: dataDir,
        RELAY_PORT: '0',
        RELAY_NAME: 'dead-letter-app-spec',
        RELAY_PARK_AFTER_ATTEMPTS: '2',
        LOG_LEVEL: 'error',
      }),
    ));
  }, 60_000);

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('goes live past it, lists it at /relay/parked-events and counts it at /metrics', async () => {
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, 'the relay to be live');
    const listed = (await (await fetch(`${url}/relay/parked-events`)).json()) as { parkedEvents: unknown[] };
    expect(listed.parkedEvents).toEqual([
      expect.objectContaining({
        relayName: 'dead-letter-app-spec',
        position: position.toString(),
        eventId: poisonId,
        eventType: 'LicenseIssued',
        attempts: 2,
        state: 'parked',
        error: expect.stringContaining('does not match the domain schema'),
      }),
    ]);
    const scrape = samples(await (await fetch(`${url}/metrics`)).text());
    expect(valueOf(scrape, 'licensing_relay_parked_events', { relay: 'dead-letter-app-spec' })).toBe(1);
  });
});
