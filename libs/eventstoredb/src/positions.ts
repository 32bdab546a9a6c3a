import { Position, ReadPosition, START } from '@eventstore/db-client';

/**
 * Our `position` is twice EventStoreDB's commit position.
 *
 * The commit position is unique and strictly increasing per event: every
 * event appended over gRPC is written as its own implicitly committed
 * prepare record, and the server reports it at TFPos(logPosition,
 * logPosition) — its byte offset in the transaction log, which the single
 * writer only ever grows. Commit and prepare positions are therefore equal
 * and ordered exactly as `$all`. (Only legacy TCP explicit transactions
 * shared one commit position across events; gRPC clients cannot create them.)
 *
 * The factor two exists for the port's paging rule, "next batch from
 * `position + 1n`": the server only accepts positions where a record starts,
 * and `commit + 1` is inside a record. Doubled, an even position is an
 * event's own (read from it, inclusive) and an odd one means "just after the
 * event at (position − 1) / 2" (read from that event and drop it). Ops can
 * find an event in the EventStoreDB UI at `position / 2n`.
 */
export function positionOf(position: Position): bigint {
  if (position.commit !== position.prepare) {
    throw new Error(
      `EventStoreDB reported an event at commit ${position.commit} / prepare ${position.prepare}; this adapter ` +
        'needs every event committed as its own record (no explicit transactions), where both are equal.',
    );
  }
  return position.commit * 2n;
}

/** One of our positions (or one past it) as the log position of the event it points at or after. */
export function toClientPosition(position: bigint): Position {
  const commit = position / 2n;
  return { commit, prepare: commit };
}

/**
 * Where to start reading `$all` for the port's inclusive `fromPosition`, and
 * which of our positions to drop below it (the event an odd position points
 * just after).
 */
export function readAllStart(fromPosition: bigint | undefined): {
  readonly from: ReadPosition;
  readonly skipBelow: bigint;
} {
  if (fromPosition === undefined || fromPosition <= 0n) return { from: START, skipBelow: 0n };
  return { from: toClientPosition(fromPosition), skipBelow: fromPosition };
}

/**
 * Where to subscribe from for the port's exclusive checkpoint. The
 * subscription loop also drops anything at or before the checkpoint, so
 * whether the server resumes at or after that event, and any redelivery
 * after a reconnect, never reaches the handler twice.
 */
export function subscriptionStart(checkpoint: bigint | 'start'): ReadPosition {
  return checkpoint === 'start' ? START : toClientPosition(checkpoint);
}
