import { AcceptApplicationOnCalendarHandler } from './accept-application';
import { DecideApplicationHandler } from './decide-application';
import { DecideAmendmentHandler } from './decide-amendment';
import { ExecuteDocumentedCommandHandler } from './execute-documented-command';
import { ExecuteDomainCommandHandler } from './execute-domain-command';
import { IssueLicenseForApplicationHandler } from './issue-license';

/** Every @nestjs/cqrs command handler of the workflow, for a module's providers. */
export const workflowCommandHandlers = [
  ExecuteDomainCommandHandler,
  ExecuteDocumentedCommandHandler,
  AcceptApplicationOnCalendarHandler,
  DecideApplicationHandler,
  DecideAmendmentHandler,
  IssueLicenseForApplicationHandler,
] as const;
