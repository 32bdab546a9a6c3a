import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AcceptApplication, CommandMetadata, LegalDate } from '@licensing/domain';
import { applications } from '../shared/aggregates';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';
import { noPublicHolidays, PUBLIC_HOLIDAYS, type PublicHolidays } from './public-holidays';

/**
 * Accepts an application for review. The review deadline skips the
 * holidays the request names, or the service's calendar when it names none
 * (an empty list is a calendar too: no holidays).
 */
export class AcceptApplicationOnCalendar extends Command<CommandOutcome> {
  constructor(
    readonly applicationId: string,
    readonly holidays: readonly LegalDate[] | undefined,
    readonly metadata: CommandMetadata,
    readonly options: RunOptions,
  ) {
    super();
  }
}

@CommandHandler(AcceptApplicationOnCalendar)
export class AcceptApplicationOnCalendarHandler implements ICommandHandler<AcceptApplicationOnCalendar> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Optional() @Inject(PUBLIC_HOLIDAYS) private readonly calendar: PublicHolidays = noPublicHolidays,
  ) {}

  execute({ applicationId, holidays, metadata, options }: AcceptApplicationOnCalendar): Promise<CommandOutcome> {
    const command: AcceptApplication = {
      type: 'AcceptApplication',
      data: { applicationId, holidays: holidays === undefined ? [...this.calendar].sort() : [...holidays] },
      metadata,
    };
    return this.runner.execute(applications, applicationId, command, options);
  }
}
