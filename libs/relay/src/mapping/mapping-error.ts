import type { RecordedEvent } from '@licensing/event-store';

/**
 * A recorded event the relay cannot turn into its public messages. The
 * relay must stop on it (and not advance its checkpoint) rather than skip:
 * a downstream service that silently misses a suspension is worse than a
 * stalled relay. The message says what to fix.
 */
export class MappingError extends Error {
  override readonly name = 'MappingError';

  constructor(
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'version' | 'streamId' | 'revision'>,
    problem: string,
  ) {
    super(
      `Cannot relay event ${event.id} (${event.type} v${event.version}) at ${event.streamId}@${event.revision}: ${problem}`,
    );
  }
}
