import type { RecordedEvent } from '@licensing/event-store';
import type { Message } from 'kafkajs';

/**
 * Where the relay puts the events it cannot map: not a contract topic (no
 * consumer of the public events reads it), named like them. One partition,
 * kept forever: a dead letter waits for a person, and there are few.
 */
export const DEAD_LETTER_TOPIC = 'export-licensing.relay-dead-letter.v1';

export const DEAD_LETTER_TOPIC_SPEC = {
  topic: DEAD_LETTER_TOPIC,
  numPartitions: 1,
  configEntries: [
    { name: 'cleanup.policy', value: 'delete' },
    { name: 'retention.ms', value: '-1' },
  ],
} as const;

/** Headers of a dead letter, so a tool can route and count without parsing the value. */
export const DeadLetterHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  position: 'position',
  streamId: 'stream-id',
  error: 'dead-letter-error',
  attempts: 'dead-letter-attempts',
  relay: 'dead-letter-relay',
} as const;

export interface DeadLetter {
  /** The event exactly as stored (never upcast): what a fix must handle. */
  readonly event: RecordedEvent;
  readonly error: string;
  readonly attempts: number;
  readonly relayName: string;
  readonly deadLetteredAt: string;
}

/**
 * The Kafka message of one dead letter, keyed by stream id (one stream's
 * dead letters stay in order). The value is JSON: the whole stored event
 * (positions and revisions as decimal strings) and why it could not be mapped.
 */
export function deadLetterMessage(letter: DeadLetter): Message {
  const { event } = letter;
  const value = {
    event: { ...event, position: event.position.toString(), revision: event.revision.toString() },
    error: letter.error,
    attempts: letter.attempts,
    relay: letter.relayName,
    deadLetteredAt: letter.deadLetteredAt,
  };
  return {
    key: event.streamId,
    value: Buffer.from(JSON.stringify(value), 'utf8'),
    headers: {
      [DeadLetterHeaders.eventId]: event.id,
      [DeadLetterHeaders.eventType]: event.type,
      [DeadLetterHeaders.position]: event.position.toString(),
      [DeadLetterHeaders.streamId]: event.streamId,
      // Headers are for routing: the first line of the error, bounded; the value carries it whole.
      [DeadLetterHeaders.error]: (letter.error.split('\n')[0] ?? '').slice(0, 500),
      [DeadLetterHeaders.attempts]: String(letter.attempts),
      [DeadLetterHeaders.relay]: letter.relayName,
      'content-type': 'application/json',
    },
  };
}
