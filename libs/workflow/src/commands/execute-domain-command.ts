import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@licensing/domain';
import type { Aggregate, DomainEvent } from '../shared/aggregate';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';

/** A validated domain command as the HTTP edge assembled it: type, data and metadata. */
export interface DomainCommand {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: CommandMetadata;
}

// The edge validated `data` with the schema of exactly this command type, so
// the command fits the aggregate's decider by construction; the registry of
// routes is what ties the two together, not the type system.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregate = Aggregate<any, DomainEvent, any>;

/** Runs one command against one aggregate stream: load, decide, append. */
export class ExecuteDomainCommand extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: AnyAggregate,
    readonly id: string,
    readonly command: DomainCommand,
    readonly options: RunOptions,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({ aggregate, id, command, options }: ExecuteDomainCommand): Promise<CommandOutcome> {
    return this.runner.execute(aggregate, id, command, options);
  }
}
