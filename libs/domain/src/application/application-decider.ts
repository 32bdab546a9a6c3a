import { assertNever, Decider } from '../shared/decider';
import { ApplicationCommand } from './application-commands';
import {
  accept,
  draft,
  requestDocuments,
  revise,
  submit,
  supplyDocuments,
  withdraw,
} from './application-decide-intake';
import { approve, assignReviewer, completeReview, markDeadlineMissed, reject } from './application-decide-review';
import { ApplicationEvent } from './application-events';
import { ApplicationState, evolveApplication, initialApplicationState } from './application-state';

export function decideApplication(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  switch (command.type) {
    case 'DraftApplication':
      return draft(command, state);
    case 'ReviseDraft':
      return revise(command, state);
    case 'SubmitApplication':
      return submit(command, state);
    case 'AcceptApplication':
      return accept(command, state);
    case 'RequestDocuments':
      return requestDocuments(command, state);
    case 'SupplyDocuments':
      return supplyDocuments(command, state);
    case 'AssignReviewer':
      return assignReviewer(command, state);
    case 'CompleteReview':
      return completeReview(command, state);
    case 'ApproveApplication':
      return approve(command, state);
    case 'RejectApplication':
      return reject(command, state);
    case 'WithdrawApplication':
      return withdraw(command, state);
    case 'MarkReviewDeadlineMissed':
      return markDeadlineMissed(command, state);
    default:
      return assertNever(command, 'application command');
  }
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: initialApplicationState,
  evolve: evolveApplication,
  decide: decideApplication,
};
