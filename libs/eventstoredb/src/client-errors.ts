import {
  AccessDeniedError,
  ErrorType,
  isCommandError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '@licensing/event-store';
import { actualRevisionFrom } from './revisions';

/** A stream that does not exist reads as empty in the port. */
export function isStreamNotFound(error: unknown): error is StreamNotFoundError {
  return (
    error instanceof StreamNotFoundError ||
    (error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND)
  );
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}

/**
 * The client's conflict as the port's. `expected` is what the caller asked
 * for (the adapter writes with the head it read, which the caller never
 * saw); `actual` is the server's current revision of the stream.
 */
export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  streamId: string,
  expected: bigint | 'no_stream',
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, actualRevisionFrom(error.actualVersion));
}

/**
 * Failures after which a subscription is re-opened from its checkpoint: the
 * connection or the node went away (leader election, restart, network), or
 * a call timed out. Everything else — access denied, a malformed event, a
 * bug — would fail the same way again, so it stops the subscription and is
 * reported.
 */
export function isTransientSubscriptionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AccessDeniedError) return false;
  if (!isCommandError(error)) return isGrpcTransport(error);
  switch (error.type) {
    case ErrorType.UNAVAILABLE:
    case ErrorType.NOT_LEADER:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
    case ErrorType.CANCELLED:
    case ErrorType.UNKNOWN:
      return true;
    default:
      return false;
  }
}

/**
 * A raw gRPC error the client did not convert: UNAVAILABLE (14),
 * DEADLINE_EXCEEDED (4), CANCELLED by the server (1), ABORTED (10),
 * RESOURCE_EXHAUSTED (8), INTERNAL (13, e.g. a reset HTTP/2 stream).
 */
function isGrpcTransport(error: Error): boolean {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'number' && [1, 4, 8, 10, 13, 14].includes(code);
}
