import {
  AppendExpectedRevision,
  BACKWARDS,
  CurrentRevision,
  END,
  FORWARDS,
  ReadStreamOptions as ClientReadStreamOptions,
  NO_STREAM,
  START,
} from '@eventstore/db-client';
import { ActualRevision, ReadStreamOptions } from '@licensing/event-store';

/**
 * The expected revision the adapter sends with the write. It is always exact:
 * the adapter has just read the stream head to chain the hashes, so it knows
 * what it saw (even for the port's 'any'), and must not let another writer's
 * events slip in between the read and the write (the chain would fork).
 */
export function expectedRevisionForWrite(head: bigint | undefined): AppendExpectedRevision {
  return head === undefined ? NO_STREAM : head;
}

/**
 * The client's idea of a stream's revision, as our errors want it. The
 * client reports a missing stream as 'no_stream'; older servers sent -1.
 */
export function actualRevisionFrom(current: CurrentRevision): ActualRevision {
  if (current === NO_STREAM || current < 0n) return 'no_stream';
  return current;
}

/**
 * What the port's expected revision becomes in a WrongExpectedRevisionError.
 * Ours has no 'any' (an 'any' append never conflicts on purpose); when the
 * bounded retries of an 'any' append all lose, the error reports the
 * revision the last attempt expected to find.
 */
export function expectedRevisionForError(
  requested: bigint | 'no_stream' | 'any',
  lastSeenHead: bigint | undefined,
): bigint | 'no_stream' {
  if (requested !== 'any') return requested;
  return lastSeenHead ?? 'no_stream';
}

/** The port's read options as the client's. maxCount 0 never reaches the client (see the adapter). */
export function toClientReadStreamOptions(options: ReadStreamOptions): ClientReadStreamOptions {
  const backwards = options.direction === 'backwards';
  return {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: options.fromRevision ?? (backwards ? END : START),
    ...(options.maxCount === undefined ? {} : { maxCount: BigInt(options.maxCount) }),
    resolveLinkTos: false,
  };
}

/** Refuses a maxCount the client would misread (it defaults to "no limit"). */
export function checkedMaxCount(maxCount: number): number {
  if (!Number.isInteger(maxCount) || maxCount < 0)
    throw new RangeError(`maxCount must be a whole number ≥ 0, got ${maxCount}`);
  return maxCount;
}
