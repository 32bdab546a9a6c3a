import type { RecordedEvent } from '@licensing/event-store';
import { type MappedEvent, mapRecordedEvent } from '../mapping';
import type { StreamMemoryCache } from './stream-memory-cache';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A recorded event the relay cannot turn into its public messages: the
 * mapping threw (it does not match the domain schema, its message breaks
 * its contract, or the mapping has a bug for it). The mapping is pure, so
 * it fails the same way every time; that is the relay's whole rule for a
 * poison event. Reading the store, producing and saving the checkpoint
 * fail for reasons outside the event and are never this.
 */
export class UnmappableEvent extends Error {
  override readonly name = 'UnmappableEvent';

  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
    /** An earlier event of its stream cannot be mapped, so neither can this one (its stream's memory is missing). */
    readonly inherited: boolean,
  ) {
    super(
      inherited
        ? `an earlier event of ${event.streamId} cannot be mapped, so neither can this one: ${messageOf(cause)}`
        : messageOf(cause),
      { cause },
    );
  }
}

/** Maps one event with its stream's memory; a mapping failure is an UnmappableEvent, the store's own errors pass as they are. */
export async function mapForRelay(event: RecordedEvent, cache: StreamMemoryCache): Promise<MappedEvent> {
  const memory = await cache.before(event);
  try {
    return mapRecordedEvent(event, memory);
  } catch (error) {
    throw new UnmappableEvent(event, error, false);
  }
}
