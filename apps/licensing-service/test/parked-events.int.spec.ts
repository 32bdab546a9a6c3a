import { Topics } from '@licensing/contracts';
import { kafkaBrokersFromEnv, waitForTopicLeaders, waitUntil } from '@licensing/contracts/testing';
import type { EventStore, ProposedEvent } from '@licensing/event-store';
import { DEAD_LETTER_TOPIC } from '@licensing/relay';
import {
  type As,
  auditor,
  exporterUser,
  magnetApplication,
  opsUser,
  registerNingbo,
  type Reply,
  samples,
  valueOf,
} from '@licensing/service-testing';
import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../src/infrastructure/tokens';
import { OpenApiContract } from './openapi-contract';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const PARKED_BY = ['exporter-view', 'license-state', 'relay'];

/** Written straight to the store, as no command would write it: data no read model or mapping can read. */
const poisoned = (): ProposedEvent => ({
  id: randomUUID(),
  type: 'ApplicationSubmitted',
  version: 1,
  data: { garbled: true },
  metadata: {
    actor: 'spec',
    role: 'system',
    commandId: randomUUID(),
    correlationId: 'spec',
    causationId: 'spec',
    occurredAt: NOW,
    recordedAt: NOW,
  },
});

describe('poison events: parked by the read models and the relay, listed, retried and skipped by ops (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/licensing-service/jest.config.js');
  const prefix = `parked-spec.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.`;
  const kafka = new Kafka({ clientId: 'parked-events-spec', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}reader` });
  const deadLetterTopic = `${prefix}${DEAD_LETTER_TOPIC}`;
  const topics = [deadLetterTopic, ...Object.values(Topics).map((topic) => `${prefix}${topic}`)];
  const read: { topic: string; message: KafkaMessage }[] = [];
  const eventIdOf = ({ message }: { message: KafkaMessage }) => message.headers?.['event-id']?.toString();
  const deadLetterIds = () => new Set(read.filter((r) => r.topic === deadLetterTopic).map(eventIdOf));
  /** The events the decisions appended, from their answers. */
  const decisionEventIds: string[] = [];
  const service = new RunningService();
  let client: Awaited<ReturnType<RunningService['start']>>;
  let contract: OpenApiContract;
  let poison: { id: string; position: bigint };

  /** Sends one request and holds its answer to the OpenAPI document the service serves. */
  async function documented(
    method: 'get' | 'post',
    template: string,
    url: string,
    as: As,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply> {
    const reply = method === 'get' ? await client.get(url, as, headers) : await client.post(url, as, body, headers);
    expect(contract.problems(method, template, reply)).toEqual([]);
    return reply;
  }
  const list = async (as: As = opsUser, query = '') =>
    (await documented('get', '/ops/parked-events', `/ops/parked-events${query}`, as)).body.parkedEvents as {
      id: string;
      where: string;
      state: string;
      attempts: number;
      error: string;
      eventId: string;
      position: string;
      kind: string;
    }[];
  const decided = (reply: Reply) => {
    if (reply.status === 200) decisionEventIds.push(...(reply.body.events as { id: string }[]).map((e) => e.id));
    return reply;
  };
  const retry = async (id: string, as: As = opsUser, body: unknown = {}, headers?: Record<string, string>) =>
    decided(
      await documented('post', '/ops/parked-events/{id}/retry', `/ops/parked-events/${id}/retry`, as, body, headers),
    );
  const skip = async (id: string, body: unknown, as: As = opsUser) =>
    decided(await documented('post', '/ops/parked-events/{id}/skip', `/ops/parked-events/${id}/skip`, as, body));

  beforeAll(async () => {
    client = await service.start(NOW, {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      PROJECTION_PARK_AFTER_ATTEMPTS: '2',
      RELAY_PARK_AFTER_ATTEMPTS: '2',
    });
    contract = new OpenApiContract((await client.get('/openapi.json', auditor)).body);
    const store = service.provider<EventStore>(EVENT_STORE);
    const event = poisoned();
    poison = {
      id: event.id,
      position: (await store.append('application-poison', [event], { expectedRevision: 'no_stream' })).position,
    };
    await waitForTopicLeaders(kafka, topics);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ topic, message }) => void read.push({ topic, message }) });
  }, 60_000);

  afterAll(async () => {
    await consumer.disconnect();
    await service.dispose();
  }, 30_000);

  it('parks the event in the read model and dead-letters it in the relay, while later commands still reach the read models', async () => {
    const parkedBy = async () => (await list()).map((p) => p.where).sort();
    // The two read models that read application streams, and the relay.
    await waitUntil(
      async () => JSON.stringify(await parkedBy()) === JSON.stringify(PARKED_BY),
      'the read models and the relay to park the poison event',
    );
    // Later commands flow: read models answer them, the log goes on.
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
    expect((await client.post('/applications', exporterUser, magnetApplication('app-after-poison'))).status).toBe(201);
    expect((await client.get('/applications/app-after-poison', exporterUser)).status).toBe(200);

    const parked = await list();
    const readModel = parked.find((p) => p.where === 'license-state')!;
    expect(readModel).toMatchObject({
      id: `license-state:${poison.position}`,
      kind: 'read_model',
      eventId: poison.id,
      position: String(poison.position),
      attempts: 2,
      state: 'parked',
      error: expect.stringContaining('does not match the domain schema'),
    });
    expect(parked.find((p) => p.kind === 'relay')).toMatchObject({
      id: `relay:${poison.position}`,
      eventId: poison.id,
      attempts: 2,
      state: 'parked',
    });
    await waitUntil(() => deadLetterIds().size > 0, 'the dead letter');
    expect(deadLetterIds()).toEqual(new Set([poison.id]));
    // Auditors read it too; a filter by state answers only those.
    expect((await list(auditor)).map((p) => p.id)).toEqual(parked.map((p) => p.id));
    expect(await list(opsUser, '?state=skipped')).toEqual([]);

    const consumers = (await client.get('/ops/consumers', opsUser)).body;
    expect(consumers.readModels.filter((m: { lastError: string | null }) => m.lastError !== null)).toEqual([]);
    const scrape = samples((await client.get('/metrics', null)).body as string);
    expect(valueOf(scrape, 'licensing_projection_parked_events', { read_model: 'license-state' })).toBe(1);
    expect(valueOf(scrape, 'licensing_projection_parked_events', { read_model: 'rule-history' })).toBe(0);
    expect(valueOf(scrape, 'licensing_relay_parked_events')).toBe(1);
  });

  it('retries one, still failing: it stays parked with one more attempt, and the log records who retried and how it went', async () => {
    const id = `license-state:${poison.position}`;
    const reply = await retry(id, opsUser, { reason: 'Checking whether the new release reads it' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      streamId: `ops-parked-event-${id}`,
      events: [{ type: 'ParkedEventRetried', revision: '0' }],
      replayed: false,
      parkedEvent: { id, state: 'parked', attempts: 3 },
    });
    expect(reply.headers.get('etag')).toBe('"0"');

    const logged = (await client.get(`/audit/streams/ops-parked-event-${id}/events`, auditor)).body.events;
    expect(logged).toEqual([
      expect.objectContaining({
        type: 'ParkedEventRetried',
        data: expect.objectContaining({
          parkedEventId: id,
          eventId: poison.id,
          where: 'license-state',
          outcome: 'failed',
          error: expect.stringContaining('does not match the domain schema'),
          reason: 'Checking whether the new release reads it',
        }),
        metadata: expect.objectContaining({ actor: opsUser.id, role: 'ops' }),
      }),
    ]);
  });

  it('retries the relay one through the same API: still unmappable, still parked', async () => {
    const reply = await retry(`relay:${poison.position}`);
    expect(reply.body).toMatchObject({
      events: [{ type: 'ParkedEventRetried' }],
      parkedEvent: { state: 'parked', attempts: 3 },
    });
  });

  it('skips one for good with a reason, recorded with the actor; a second decision is refused', async () => {
    const id = `license-state:${poison.position}`;
    const missingReason = await skip(id, {});
    expect({ status: missingReason.status, code: missingReason.body.code }).toEqual({
      status: 400,
      code: 'request.invalid',
    });

    const reply = await skip(id, { reason: 'Test data appended by hand; nothing to apply' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      events: [{ type: 'ParkedEventSkipped', revision: '1' }],
      parkedEvent: { id, state: 'skipped', decidedAt: NOW },
    });
    const logged = (await client.get(`/audit/streams/ops-parked-event-${id}/events`, auditor)).body.events;
    expect(logged.at(-1)).toMatchObject({
      type: 'ParkedEventSkipped',
      data: { reason: 'Test data appended by hand; nothing to apply', eventId: poison.id },
      metadata: { actor: opsUser.id, role: 'ops' },
    });
    expect((await list(opsUser, '?state=skipped')).map((p) => p.id)).toEqual([id]);

    const again = await skip(id, { reason: 'Twice' });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'parked_event.illegal_transition',
    });
    const retried = await retry(id);
    expect({ status: retried.status, code: retried.body.code }).toEqual({
      status: 409,
      code: 'parked_event.illegal_transition',
    });
    const scrape = samples((await client.get('/metrics', null)).body as string);
    expect(valueOf(scrape, 'licensing_projection_parked_events', { read_model: 'license-state' })).toBe(0);
  });

  it('refuses other roles, unknown ids and stale revisions, storing nothing', async () => {
    const forbidden = await retry(`relay:${poison.position}`, auditor);
    expect({ status: forbidden.status, code: forbidden.body.code }).toEqual({ status: 403, code: 'ops.forbidden' });
    const unknown = await retry('license-state:999999');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'ops.parked_event_not_found',
    });
    const stale = await retry(`relay:${poison.position}`, opsUser, {}, { 'If-Match': '"7"' });
    expect({ status: stale.status, code: stale.body.code }).toEqual({
      status: 409,
      code: 'concurrency.revision_conflict',
    });
    const logged = (await client.get(`/audit/streams/ops-parked-event-relay:${poison.position}/events`, auditor)).body;
    expect(logged.events).toHaveLength(1);
  });

  it('keeps the decisions out of every read model and off Kafka, and the verifiable log verifies with them', async () => {
    // Nothing new was parked by the decisions themselves, and the relay published none of them: a command
    // after them reaches Kafka, so the relay has gone past them all.
    const submitted = await client.post('/applications/app-after-poison/submit', exporterUser);
    expect(submitted.status).toBe(200);
    const submittedId = submitted.body.events[0].id as string;
    await waitUntil(() => read.some((r) => eventIdOf(r) === submittedId), 'the command after the decisions on Kafka');
    expect(decisionEventIds.length).toBeGreaterThanOrEqual(3);
    expect(read.filter((r) => decisionEventIds.includes(eventIdOf(r) ?? ''))).toEqual([]);
    const parked = await list();
    expect(parked.map((p) => p.where).sort()).toEqual(PARKED_BY);
    expect(new Set(parked.map((p) => p.eventId))).toEqual(new Set([poison.id]));
    expect(deadLetterIds()).toEqual(new Set([poison.id]));
    const consumers = (await client.get('/ops/consumers', opsUser)).body;
    expect(consumers.readModels.filter((m: { lastError: string | null }) => m.lastError !== null)).toEqual([]);
    const verified = await client.get('/audit/verify', auditor);
    expect(verified.body.at(-1)).toMatchObject({ kind: 'report', ok: true, problems: 0 });
  });
});
