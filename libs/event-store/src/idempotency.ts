import { AppendResult, ExpectedRevision } from './event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from './errors';

/** Where an event id of the append is already stored, if anywhere. */
export interface StoredEventRef {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export type AppendPlan = { readonly kind: 'write' } | { readonly kind: 'replay'; readonly result: AppendResult };

/**
 * Decides whether an append is new or a retry of one already stored, from
 * where its ids are stored (`stored[i]` for the i-th proposed id). Pure, so
 * every adapter runs the same rule inside its write transaction:
 *
 * - no id stored → write (the expected-revision check follows);
 * - every id stored, in this stream, at consecutive revisions in the same
 *   order, starting where expectedRevision points (revision 0 for
 *   'no_stream', expected + 1 for an exact revision, anywhere for 'any') →
 *   replay: nothing is written and the result is that of the stored events,
 *   even if the stream has moved on since. A prefix of an earlier append
 *   therefore also replays;
 * - anything else (some ids stored and some not, ids stored in another
 *   stream, out of order, or at another place) → DuplicateEventIdError.
 */
export function planAppend(
  streamId: string,
  expectedRevision: ExpectedRevision,
  stored: readonly (StoredEventRef | undefined)[],
): AppendPlan {
  const found = stored.filter((ref): ref is StoredEventRef => ref !== undefined);
  if (found.length === 0) return { kind: 'write' };
  const ids = found.map((ref) => ref.id);
  const refuse = (reason: string): never => {
    throw new DuplicateEventIdError(streamId, ids, reason);
  };
  if (found.length < stored.length) refuse(`events ${ids.join(', ')} are already stored but the others are not`);
  const elsewhere = found.find((ref) => ref.streamId !== streamId);
  if (elsewhere) refuse(`event ${elsewhere.id} is already stored in stream ${elsewhere.streamId}`);
  const first = found[0]!.revision;
  if (found.some((ref, i) => ref.revision !== first + BigInt(i))) {
    refuse('these ids are already stored, but not consecutively in this order');
  }
  const start = expectedRevision === 'any' ? first : expectedRevision === 'no_stream' ? 0n : expectedRevision + 1n;
  if (start !== first) refuse(`these ids are already stored from revision ${first}, not from revision ${start}`);
  const last = found[found.length - 1]!;
  return { kind: 'replay', result: { nextExpectedRevision: last.revision, position: last.position } };
}

/** Throws unless a stream whose last revision is `current` accepts `expected`. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  if (expected === 'any') return;
  if (expected === 'no_stream') {
    if (current !== undefined) throw new WrongExpectedRevisionError(streamId, expected, current);
    return;
  }
  if (current !== expected) throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
}
