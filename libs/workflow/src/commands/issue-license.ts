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
import { requireInScope } from '../shared/command-scope';

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
        type: 'IssueLicense',
        metadata,
        build: async (): Promise<LicenseCommand> => {
          const { state } = await this.runner.load(applications, applicationId);
          // The application is read on the actor's behalf: one out of their
          // data scope does not exist for them (the runner then checks the
          // license's exporter, which comes from this application).
          const owner = applications.ownerOf(state) ?? {};
          requireInScope('IssueLicense', metadata.actor, owner, { kind: 'application', id: applicationId });
          const application = applicationFactsForLicense(state);
          return { type: 'IssueLicense', data: { licenseId, application, ...validity }, metadata };
        },
      },
      options,
    );
  }
}
