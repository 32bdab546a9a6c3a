import { assertNever } from '../shared/decider';
import { DomainError, IllegalTransitionError, NotFoundError } from '../shared/errors';
import { ApplicationState, ApplicationStateIn, ApplicationStatus } from './application-state';

/**
 * The refusal for a command that the application's status does not allow.
 * Each status gets the explanation that helps most, with a stable code.
 */
export function refuseInStatus(state: ApplicationState, command: string): never {
  switch (state.status) {
    case 'none':
      throw new NotFoundError(
        'application.not_found',
        `Cannot ${command}: no application has been drafted. Draft it first.`,
      );
    case 'draft':
      throw new DomainError(
        'application.not_submitted',
        `Cannot ${command}: application ${state.applicationId} is still a draft. Submit it first.`,
      );
    case 'submitted':
      throw new DomainError(
        'application.not_accepted',
        `Cannot ${command}: application ${state.applicationId} was submitted on ${state.submittedOn} but has not been accepted for review.`,
      );
    case 'under_review':
      throw new DomainError(
        'application.review_not_completed',
        `Cannot ${command}: the review of application ${state.applicationId} is not completed yet.`,
      );
    case 'reviewed':
      throw new IllegalTransitionError(
        'application',
        command,
        'reviewed',
        `The review was completed on ${state.review.completedOn}; approve or reject the application.`,
      );
    case 'approved':
    case 'rejected':
      throw new DomainError(
        'application.already_decided',
        `Cannot ${command}: application ${state.applicationId} was ${state.status} on ${state.decidedOn}.`,
        { status: state.status },
      );
    case 'withdrawn':
      throw new DomainError(
        'application.withdrawn',
        `Cannot ${command}: application ${state.applicationId} was withdrawn on ${state.withdrawnOn}.`,
      );
    default:
      return assertNever(state, 'application status');
  }
}

/** Narrows the state to the allowed statuses, or refuses with the status-specific error. */
export function requireStatus<S extends ApplicationStatus>(
  state: ApplicationState,
  allowed: readonly S[],
  command: string,
): ApplicationStateIn<S> {
  if ((allowed as readonly ApplicationStatus[]).includes(state.status)) return state as ApplicationStateIn<S>;
  return refuseInStatus(state, command);
}
