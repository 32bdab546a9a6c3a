import { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';
import { type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { mintLocalToken } from '@licensing/identity';
import { samples, valueOf } from '@licensing/service-testing';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRelayConfig } from './relay-config';
import { startRelayApp } from './start-relay-app';
import { RELAY_EVENT_STORE } from './tokens';

const AT = '2026-11-23T00:00:00.000Z';

describe('the relay as its own process dead-letters an event it cannot map, lists it, and ops decide it (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/license-relay/jest.config.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'license-relay-dead-letter-'));
  const poisonId = randomUUID();
  let position: bigint;
  let app: INestApplication;
  let url: string;
  let opsToken: string;
  let auditorToken: string;
  const call = (path: string, token?: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

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
    // Tokens of the service's local issuer in the same DATA_DIR: the relay verifies them with its key file.
    opsToken = await mintLocalToken(dataDir, { sub: 'o.ps', role: 'ops' });
    auditorToken = await mintLocalToken(dataDir, { sub: 'a.udit', role: 'auditor' });
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
    const listed = (await (await call('/relay/parked-events', auditorToken)).json()) as { parkedEvents: unknown[] };
    expect(listed.parkedEvents).toEqual([
      expect.objectContaining({
        id: `relay:${position}`,
        kind: 'relay',
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

  it('refuses a caller without a token (401, a Bearer challenge) and a role other than ops (403), as problem details', async () => {
    const id = `relay:${position}`;
    for (const path of ['/relay/parked-events', `/relay/parked-events/${id}/retry`]) {
      const anonymous = await call(path, undefined, path.endsWith('retry') ? {} : undefined);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const auditor = await call(`/relay/parked-events/${id}/skip`, auditorToken, { reason: 'not mine to decide' });
    expect(auditor.status).toBe(403);
    expect(await auditor.json()).toMatchObject({ status: 403 });
    const unknown = await call('/relay/parked-events/relay:999999/retry', opsToken, {});
    expect(unknown.status).toBe(404);
    const noReason = await call(`/relay/parked-events/${id}/skip`, opsToken, {});
    expect(noReason.status).toBe(400);
  });

  it('records a failed retry (still parked, the new error in ParkedEventRetried), then a skip with the actor and reason', async () => {
    const id = `relay:${position}`;
    const store = app.get<EventStore>(RELAY_EVENT_STORE);
    const retried = await call(`/relay/parked-events/${id}/retry`, opsToken, { reason: 'after the mapping fix' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({
      streamId: `ops-parked-event-${id}`,
      events: [{ type: 'ParkedEventRetried', revision: '0' }],
      parkedEvent: { id, state: 'parked', attempts: 3 },
    });

    const skipped = await call(`/relay/parked-events/${id}/skip`, opsToken, {
      reason: 'Garbled by hand; nothing to publish',
    });
    expect(skipped.status).toBe(200);
    expect(skipped.headers.get('etag')).toBe('"1"');
    expect(await skipped.json()).toMatchObject({
      events: [{ type: 'ParkedEventSkipped', revision: '1' }],
      parkedEvent: { id, state: 'skipped', decidedAt: expect.any(String) },
    });

    const recorded = await store.readStream(`ops-parked-event-${id}`);
    expect(recorded.map((event) => event.type)).toEqual(['ParkedEventRetried', 'ParkedEventSkipped']);
    expect(recorded[0]?.data).toMatchObject({
      parkedEventId: id,
      outcome: 'failed',
      error: expect.stringContaining('does not match the domain schema'),
      reason: 'after the mapping fix',
    });
    expect(recorded[1]?.data).toMatchObject({ parkedEventId: id, reason: 'Garbled by hand; nothing to publish' });
    expect(recorded[1]?.metadata).toMatchObject({ actor: 'o.ps', role: 'ops' });

    const again = await call(`/relay/parked-events/${id}/skip`, opsToken, { reason: 'twice' });
    expect(again.status).toBe(409);
    const stillListed = (await (await call('/relay/parked-events?state=skipped', opsToken)).json()) as {
      parkedEvents: unknown[];
    };
    expect(stillListed.parkedEvents).toEqual([expect.objectContaining({ id, state: 'skipped' })]);
  });
});
