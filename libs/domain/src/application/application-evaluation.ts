import { DomainError, NotFoundError } from '../shared/errors';
import { Party } from '../shared/items';
import { ApplicationForEvaluation } from '../rules/decision-record';
import type { ApplicationFactsForLicense } from '../license/license-commands';
import { endUsersOf } from './application-content';
import { ApplicationState, ApplicationStatus } from './application-state';

const EVALUABLE: readonly ApplicationStatus[] = ['submitted', 'under_review', 'reviewed'];

/**
 * What `evaluate()` reads from a submitted or accepted application. The
 * primary end user stands for the application; evaluate a general
 * application once per end user with `applicationsForEvaluation`.
 */
export function applicationForEvaluation(state: ApplicationState, endUser?: Party): ApplicationForEvaluation {
  if (state.status === 'none' || !EVALUABLE.includes(state.status)) {
    throw new DomainError(
      'application.not_evaluable',
      `Only a submitted application can be evaluated; this one is ${state.status}.`,
      { status: state.status },
    );
  }
  const { application } = state as Extract<ApplicationState, { status: 'submitted' | 'under_review' | 'reviewed' }>;
  const share = application.chineseRareEarthValueSharePercent;
  return {
    applicationId: state.applicationId,
    exporterId: application.exporterId,
    licenseType: application.licenseType,
    items: application.items,
    consignee: application.consignee,
    endUser: endUser ?? application.endUser,
    endUse: application.endUse,
    destination: application.destination,
    ...(share === undefined ? {} : { chineseRareEarthValueSharePercent: share }),
  };
}

/** One evaluation input per named end user, so every end user is screened. */
export function applicationsForEvaluation(state: ApplicationState): ApplicationForEvaluation[] {
  const primary = applicationForEvaluation(state);
  if (state.status === 'none') return [primary];
  return endUsersOf(state.application).map((endUser) => ({ ...primary, endUser }));
}

/**
 * The facts of an application that `IssueLicense` carries. The license
 * decider checks `status` itself, so this reports any application as it is.
 */
export function applicationFactsForLicense(state: ApplicationState): ApplicationFactsForLicense {
  if (state.status === 'none') {
    throw new NotFoundError('application.not_found', 'No application has been drafted under this id.');
  }
  return {
    applicationId: state.applicationId,
    exporterId: state.application.exporterId,
    status: state.status,
    licenseType: state.application.licenseType,
    items: state.application.items,
    endUsers: endUsersOf(state.application),
  };
}
