import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@licensing/domain';
import {
  CommandRunner,
  type CommandOutcome,
  decideParkedEvent,
  type ParkedEventAction,
  type RunOptions,
} from '@licensing/workflow';
import { ParkedEvents } from './parked-events';

export type { ParkedEventAction } from '@licensing/workflow';

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

/** The decision itself is the application layer's (`decideParkedEvent`), shared with the standalone relay. */
@CommandHandler(DecideParkedEvent)
export class DecideParkedEventHandler implements ICommandHandler<DecideParkedEvent> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(ParkedEvents) private readonly parked: ParkedEvents,
  ) {}

  execute(decision: DecideParkedEvent): Promise<CommandOutcome> {
    return decideParkedEvent(this.runner, this.parked, decision);
  }
}
