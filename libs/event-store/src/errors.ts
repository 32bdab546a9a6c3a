/**
 * Typed failures of the event store. `code` is stable and machine-readable
 * (it becomes a problem-details `type` over HTTP); the message says why and
 * what to do.
 */
export class EventStoreError extends Error {
  override readonly name: string = 'EventStoreError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** What a stream looks like to an expected-revision check. */
export type ActualRevision = bigint | 'no_stream';

/** Someone else appended first: reload the stream, decide again, retry. */
export class WrongExpectedRevisionError extends EventStoreError {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly streamId: string,
    readonly expected: bigint | 'no_stream',
    readonly actual: ActualRevision,
  ) {
    super(
      'event_store.wrong_expected_revision',
      `Stream ${streamId} is at ${describe(actual)}, but the append expected ${describe(expected)}. ` +
        'Another writer got there first: reload the stream, decide again and retry.',
      { streamId, expected: String(expected), actual: String(actual) },
    );
  }
}

/**
 * Some of the appended event ids are already stored, but not as an exact
 * replay of this append (see idempotency.ts). Usually a caller reused ids.
 */
export class DuplicateEventIdError extends EventStoreError {
  override readonly name = 'DuplicateEventIdError';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    reason: string,
  ) {
    super(
      'event_store.duplicate_event_id',
      `Cannot append to ${streamId}: ${reason}. ` +
        'A retry must resend exactly the same events with the same expected revision; new events need new ids.',
      { streamId, eventIds },
    );
  }
}

/** The append itself is malformed; nothing was stored. */
export class InvalidAppendError extends EventStoreError {
  override readonly name = 'InvalidAppendError';

  constructor(streamId: string, reason: string) {
    super('event_store.invalid_append', `Cannot append to ${streamId}: ${reason}.`, { streamId });
  }
}

/** The store was closed; open a new one. */
export class StoreClosedError extends EventStoreError {
  override readonly name = 'StoreClosedError';

  constructor(operation: string) {
    super('event_store.closed', `Cannot ${operation}: the event store is closed. Open a new one.`);
  }
}

function describe(revision: bigint | 'no_stream'): string {
  return revision === 'no_stream' ? 'no stream' : `revision ${revision}`;
}
