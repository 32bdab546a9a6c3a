import type { ContractRecord } from '@licensing/contracts';
import type { EventStore, Subscription, SubscriptionFilter } from '@licensing/event-store';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import type { MappedEvent } from '../mapping';
import type { RelayCheckpointStore } from './checkpoint-store';
import { PublishPipeline } from './publish-pipeline';
import { ensureContractTopics, toTopicMessages, wireSize } from './relay-topics';
import { sendTraced, withStoredTrace } from './relay-tracing';
import type { RelayLogger } from './relay-types';
import type { DeadLetters } from './dead-letters';
import { StreamMemoryCache } from './stream-memory-cache';
import { mapForRelay, UnmappableEvent } from './unmappable-event';

export interface AttemptDeps {
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly checkpoints: RelayCheckpointStore;
  readonly log: RelayLogger;
  readonly relayName: string;
  readonly topicPrefix: string;
  readonly filter: SubscriptionFilter;
  readonly maxBatchEvents: number;
  readonly maxBatchBytes: number;
  readonly memoryCacheSize: number;
  /** What becomes of an event that cannot be mapped (it outlives the run: it counts the runs it failed). */
  readonly deadLetters: DeadLetters;
  /** Progress reports to the relay's status. */
  onCheckpointLoaded(position: bigint | null): void;
  onCatchingUp(): void;
  onCaughtUp(): void;
  onPublished(position: bigint, events: number, messages: number): void;
  /** One produce request the broker acknowledged, and how long it took. */
  onProduced?(seconds: number): void;
}

/** How one attempt ended: asked to stop, or failed (the relay backs off and starts another). */
export type AttemptEnd = { readonly kind: 'stopped' } | { readonly kind: 'failed'; readonly error: unknown };

export function producerFor(kafka: Kafka): Producer {
  // Idempotent with one request in flight: a retried request can neither
  // duplicate nor reorder messages inside a partition. The Java-compatible
  // partitioner puts a key on the same partition as Java/librdkafka producers do.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * One run of the relay: topics, producer, checkpoint, subscription. It
 * ends at the first failure (producer, store, checkpoint, or an event that
 * cannot be mapped until it is dead-lettered: see DeadLetters) or
 * when `stopSignal` resolves; a fresh attempt starts again from the saved
 * checkpoint with a fresh producer and an empty memory cache, so nothing
 * an unacknowledged run did survives it.
 */
export async function runAttempt(deps: AttemptDeps, stopSignal: Promise<void>): Promise<AttemptEnd> {
  let producer: Producer | null = null;
  let subscription: Subscription | null = null;
  let pipeline: PublishPipeline | null = null;
  let failed!: (error: unknown) => void;
  const failure = new Promise<AttemptEnd>((resolve) => {
    failed = (error) => resolve({ kind: 'failed', error });
  });
  const stopped = stopSignal.then(() => ({ kind: 'stopped' }) as const);

  try {
    // Inside the try: a client the producer refuses (e.g. retries: 0 with idempotence) is a failed attempt, not a dead relay.
    const connected = producerFor(deps.kafka);
    producer = connected;
    const setup = (async () => {
      const admin = deps.kafka.admin();
      await admin.connect();
      try {
        const created = await ensureContractTopics(admin, deps.topicPrefix);
        if (created.length > 0) deps.log.log(`Created topics ${created.join(', ')}`);
      } finally {
        await admin.disconnect();
      }
      await connected.connect();
      const checkpoint = await deps.checkpoints.load(deps.relayName);
      deps.onCheckpointLoaded(checkpoint);
      return checkpoint;
    })();
    const first = await Promise.race([setup.then((checkpoint) => ({ kind: 'ready' as const, checkpoint })), stopped]);
    if (first.kind === 'stopped') {
      // Not awaited: with the broker down (or a new broker's coordinator still
      // loading) kafkajs may retry for long, and a disconnect waits for the
      // connect in flight. Should it still connect, disconnect it then.
      producer = null;
      setup
        .then(
          () => connected.disconnect(),
          () => undefined,
        )
        .catch(() => undefined);
      return first;
    }

    const cache = new StreamMemoryCache(deps.store, deps.memoryCacheSize);
    const running = new PublishPipeline({
      maxBatchEvents: deps.maxBatchEvents,
      maxBatchBytes: deps.maxBatchBytes,
      sizeOf: wireSize,
      send: async (records: readonly ContractRecord[]) => {
        const started = performance.now();
        await sendTraced(records, deps.topicPrefix, async (traced) => {
          await connected.sendBatch({ topicMessages: toTopicMessages(deps.topicPrefix, traced), acks: -1 });
        });
        deps.onProduced?.((performance.now() - started) / 1000);
      },
      commit: async (position, events, messages) => {
        await deps.checkpoints.save(deps.relayName, position);
        deps.onPublished(position, events, messages);
      },
      onFailure: failed,
    });
    pipeline = running;
    deps.onCatchingUp();
    subscription = deps.store.subscribeToAll(
      {
        fromPosition: first.checkpoint ?? 'start',
        filter: deps.filter,
        onCaughtUp: () => {
          deps.onCaughtUp();
          void running.flush().catch(() => undefined);
        },
        onError: failed,
      },
      async (event) => {
        let mapped: MappedEvent;
        try {
          mapped = await mapForRelay(event, cache);
        } catch (error) {
          if (!(error instanceof UnmappableEvent)) throw error;
          // What came before it is published and checkpointed first, so a restart resumes right at it.
          await running.flush();
          await deps.deadLetters.deadLetterOrThrow(error, connected);
          await running.add(event.position, []);
          return;
        }
        cache.remember(event, mapped.memory);
        await running.add(event.position, withStoredTrace(mapped.records, event));
      },
    );

    const end = await Promise.race([failure, stopped]);
    await subscription.stop();
    if (end.kind === 'stopped') {
      // Publish what was already read, so a restart re-sends less; a failure here only means more re-sends.
      await running
        .flush()
        .catch((error: unknown) =>
          deps.log.warn(`Stopped with unpublished events (they are sent after restart): ${messageOf(error)}`),
        );
    }
    return end;
  } catch (error) {
    return { kind: 'failed', error };
  } finally {
    await subscription?.stop().catch(() => undefined);
    pipeline?.discard();
    await producer?.disconnect().catch(() => undefined);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
