import type { EventStore } from '@licensing/event-store';
import type { Producer } from 'kafkajs';
import { DEAD_LETTER_TOPIC, deadLetterMessage } from './dead-letter';
import type { RelayParkedEventStore } from './parked-relay-events';
import { relayTopic } from './relay-topics';
import type { RelayLogger } from './relay-types';
import type { UnmappableEvent } from './unmappable-event';

/** The relay gives up mapping an event after this many failed runs in a row, and dead-letters it. */
export const DEFAULT_RELAY_PARK_AFTER_ATTEMPTS = 5;

export interface DeadLettersDeps {
  readonly store: EventStore;
  readonly relayName: string;
  readonly topicPrefix: string;
  readonly parkAfterAttempts: number;
  readonly log: RelayLogger;
  /** Where dead letters are recorded for ops; without it they are only on the topic. */
  readonly parked?: RelayParkedEventStore;
}

/**
 * The relay's poison events. An event that cannot be mapped ends the run,
 * like any failure, and the relay restarts from its checkpoint after its
 * backoff; once the same event has failed `parkAfterAttempts` runs in a
 * row it is published to the dead-letter topic (acks = all), recorded for
 * ops, and the relay goes on. An event whose stream already holds an
 * unmappable one is dead-lettered at once: no retry can map it before that
 * one is fixed. Broker, store and checkpoint failures never come here: they
 * keep the relay's restart loop, forever, and are never dead-lettered.
 */
export class DeadLetters {
  /** The event failing runs in a row, across the relay's runs. */
  private failing: { readonly position: bigint; readonly attempts: number; readonly firstFailedAt: string } | null =
    null;

  constructor(private readonly deps: DeadLettersDeps) {
    if (!Number.isInteger(deps.parkAfterAttempts) || deps.parkAfterAttempts < 1)
      throw new RangeError(`parkAfterAttempts must be a whole number ≥ 1, got ${deps.parkAfterAttempts}`);
  }

  /**
   * Dead-letters the event through `producer` once it has failed often
   * enough (resolves: the caller moves the checkpoint past it); before that
   * it throws `failure` again, which ends the run.
   */
  async deadLetterOrThrow(failure: UnmappableEvent, producer: Producer): Promise<void> {
    const { event } = failure;
    const { relayName, parked } = this.deps;
    // Wall-clock time: operational metadata for people, like the checkpoint's.
    const now = new Date().toISOString();
    const known = (await parked?.findParked(relayName, event.position)) ?? null;
    if (known?.state === 'skipped') return;
    const again = this.failing?.position === event.position ? this.failing : null;
    const attempts = (again?.attempts ?? 0) + 1;
    const firstFailedAt = again?.firstFailedAt ?? now;
    if (!failure.inherited && known === null && attempts < this.deps.parkAfterAttempts) {
      this.failing = { position: event.position, attempts, firstFailedAt };
      throw failure;
    }
    this.failing = null;
    // The event as stored, not upcast: what a fix (an upcaster, a mapping) has to handle.
    const [stored] = await this.deps.store.readAll({ fromPosition: event.position, maxCount: 1, raw: true });
    const letter = { event: stored ?? event, error: failure.message, attempts, relayName, deadLetteredAt: now };
    await producer.send({
      topic: relayTopic(this.deps.topicPrefix, DEAD_LETTER_TOPIC),
      messages: [deadLetterMessage(letter)],
      acks: -1,
    });
    await parked?.park({
      relayName,
      position: event.position,
      eventId: event.id,
      streamId: event.streamId,
      eventType: event.type,
      error: failure.message,
      attempts,
      firstFailedAt,
      lastFailedAt: now,
    });
    this.deps.log.warn(
      `Dead-lettered event ${event.id} (${event.type}) at position ${event.position} after ${attempts} attempt(s): ${failure.message}`,
    );
  }
}
