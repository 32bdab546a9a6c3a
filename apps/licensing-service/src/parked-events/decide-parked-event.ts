import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CommandMetadata,
  IllegalTransitionError,
  type ParkedEventCommand,
  requireRole,
  requireStillParked,
} from '@licensing/domain';
import {
  CommandRunner,
  type CommandOutcome,
  InvalidRequest,
  NotFound,
  parkedEvents,
  type RunOptions,
} from '@licensing/workflow';
import { factsOf, type ParkedEventView } from './parked-event-view';
import { ParkedEvents } from './parked-events';

export type ParkedEventAction = 'retry' | 'skip';

/** Ops retry or skip one parked event: an audited command on `ops-parked-event-<id>`. */
export class DecideParkedEvent extends Command<CommandOutcome> {
  constructor(
    readonly parkedEventId: string,
    readonly action: ParkedEventAction,
    readonly reason: string | undefined,
    readonly metadata: CommandMetadata,
    readonly options: RunOptions,
  ) {
    super();
  }
}

/**
 * Runs the decision through the command runner like any command (data
 * scope, If-Match, a repeated command id answered from the log) and records
 * it in the event log with the verified actor. A retry happens while the
 * command is built, so the event records its outcome; only a decision the
 * decider would accept gets that far. A skip takes effect once it is in the
 * log: a crash in between leaves it parked, never skipped without a record.
 */
@CommandHandler(DecideParkedEvent)
export class DecideParkedEventHandler implements ICommandHandler<DecideParkedEvent> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(ParkedEvents) private readonly parked: ParkedEvents,
  ) {}

  async execute({ parkedEventId: id, action, reason, metadata, options }: DecideParkedEvent): Promise<CommandOutcome> {
    const type = action === 'retry' ? 'RetryParkedEvent' : 'SkipParkedEvent';
    let toSkip: ParkedEventView | null = null;
    const outcome = await this.runner.execute(
      parkedEvents,
      id,
      {
        type,
        metadata,
        build: async (state): Promise<ParkedEventCommand> => {
          requireRole(type, metadata.actor);
          requireStillParked(state, action);
          const found = await this.requireParked(id, action);
          const parked = factsOf(found);
          if (action === 'skip') {
            // The skip route's body requires a reason; this only guards a caller that bypasses it.
            if (reason === undefined) throw new InvalidRequest('request.invalid', 'A skip needs a reason.');
            toSkip = found;
            return { type: 'SkipParkedEvent', data: { parkedEventId: id, reason, parked }, metadata };
          }
          const result = await this.parked.retry(found);
          const error = result.outcome === 'failed' ? result.error : null;
          const data = { parkedEventId: id, parked, outcome: result.outcome, error, ...(reason ? { reason } : {}) };
          return { type: 'RetryParkedEvent', data, metadata };
        },
      },
      options,
    );
    if (toSkip !== null && !outcome.replayed) await this.parked.skip(toSkip);
    return outcome;
  }

  private async requireParked(id: string, action: ParkedEventAction): Promise<ParkedEventView> {
    const found = await this.parked.find(id);
    if (found === null)
      throw new NotFound(
        'ops.parked_event_not_found',
        `No consumer in this process parked an event with id ${id}; GET /ops/parked-events lists them.`,
      );
    if (found.state !== 'parked')
      throw new IllegalTransitionError('parked_event', action, found.state, 'The consumer has moved past it already.');
    return found;
  }
}
