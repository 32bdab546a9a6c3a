import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  applicationFactsForLicense,
  type CommandMetadata,
  type LegalDate,
  type LicenseCommand,
} from '@licensing/domain';
import { applications, licenses } from '../shared/aggregates';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';

/**
 * Issues the license of an approved application. The facts (items, end
 * users, license type) come from the application's own stream, never from
 * the request, so a license cannot say more than what was approved.
 */
export class IssueLicenseForApplication extends Command<CommandOutcome> {
  constructor(
    readonly licenseId: string,
    readonly applicationId: string,
    readonly validity: { validFrom: LegalDate; validUntil: LegalDate },
    readonly metadata: CommandMetadata,
    readonly options: RunOptions,
  ) {
    super();
  }
}

@CommandHandler(IssueLicenseForApplication)
export class IssueLicenseForApplicationHandler implements ICommandHandler<IssueLicenseForApplication> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({
    licenseId,
    applicationId,
    validity,
    metadata,
    options,
  }: IssueLicenseForApplication): Promise<CommandOutcome> {
    return this.runner.execute(
      licenses,
      licenseId,
      {
        metadata,
        build: async (): Promise<LicenseCommand> => {
          const { state } = await this.runner.load(applications, applicationId);
          const application = applicationFactsForLicense(state);
          return { type: 'IssueLicense', data: { licenseId, application, ...validity }, metadata };
        },
      },
      options,
    );
  }
}
