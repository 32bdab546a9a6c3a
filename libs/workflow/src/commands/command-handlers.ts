import { DecideApplicationHandler } from './decide-application';
import { ExecuteDomainCommandHandler } from './execute-domain-command';
import { IssueLicenseForApplicationHandler } from './issue-license';

/** Every @nestjs/cqrs command handler of the workflow, for a module's providers. */
export const workflowCommandHandlers = [
  ExecuteDomainCommandHandler,
  DecideApplicationHandler,
  IssueLicenseForApplicationHandler,
] as const;
