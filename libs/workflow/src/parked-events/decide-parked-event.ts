import {
  type CommandMetadata,
  IllegalTransitionError,
  type ParkedEventCommand,
  requireRole,
  requireStillParked,
} from '@licensing/domain';
import { InvalidRequest, NotFound } from '../shared/application-errors';
import { parkedEvents } from '../shared/aggregates';
import type { CommandOutcome, CommandRunner, RunOptions } from '../shared/command-runner';
import { factsOf, type ParkedEventSource, type ParkedEventView } from './parked-event-source';

export type ParkedEventAction = 'retry' | 'skip';

export interface ParkedEventDecision {
  readonly parkedEventId: string;
  readonly action: ParkedEventAction;
  readonly reason: string | undefined;
  readonly metadata: CommandMetadata;
  readonly options: RunOptions;
}

/**
 * Ops retry or skip one parked event: an audited command on
 * `ops-parked-event-<id>`, run through the command runner like any command
 * (data scope, If-Match, a repeated command id answered from the log) and
 * recorded with the verified actor. A retry happens while the command is
 * built, so the event records its outcome; only a decision the decider would
 * accept gets that far. A skip takes effect once it is in the log: a crash in
 * between leaves it parked, never skipped without a record.
 */
export async function decideParkedEvent(
  runner: CommandRunner,
  source: ParkedEventSource,
  { parkedEventId: id, action, reason, metadata, options }: ParkedEventDecision,
): Promise<CommandOutcome> {
  const type = action === 'retry' ? 'RetryParkedEvent' : 'SkipParkedEvent';
  let toSkip: ParkedEventView | null = null;
  const outcome = await runner.execute(
    parkedEvents,
    id,
    {
      type,
      metadata,
      build: async (state): Promise<ParkedEventCommand> => {
        requireRole(type, metadata.actor);
        requireStillParked(state, action);
        const found = await requireParked(source, id, action);
        const parked = factsOf(found);
        if (action === 'skip') {
          // The skip route's body requires a reason; this only guards a caller that bypasses it.
          if (reason === undefined) throw new InvalidRequest('request.invalid', 'A skip needs a reason.');
          toSkip = found;
          return { type: 'SkipParkedEvent', data: { parkedEventId: id, reason, parked }, metadata };
        }
        const result = await source.retry(found);
        const error = result.outcome === 'failed' ? result.error : null;
        const data = { parkedEventId: id, parked, outcome: result.outcome, error, ...(reason ? { reason } : {}) };
        return { type: 'RetryParkedEvent', data, metadata };
      },
    },
    options,
  );
  if (toSkip !== null && !outcome.replayed) await source.skip(toSkip);
  return outcome;
}

async function requireParked(
  source: ParkedEventSource,
  id: string,
  action: ParkedEventAction,
): Promise<ParkedEventView> {
  const found = await source.find(id);
  if (found === null)
    throw new NotFound(
      'ops.parked_event_not_found',
      `No consumer in this process parked an event with id ${id}; ${source.listedAt} lists them.`,
    );
  if (found.state !== 'parked')
    throw new IllegalTransitionError('parked_event', action, found.state, 'The consumer has moved past it already.');
  return found;
}
