import { assertNever, reviewDeadlinePassed, type ApplicationState, type LegalDate } from '@licensing/domain';

/**
 * The application's status as the events left it. `accepted` is the
 * domain's `under_review` before a reviewer is assigned: the review clock
 * runs, but nobody is on the case yet.
 */
export type RecordedApplicationStatus =
  'drafted' | 'submitted' | 'accepted' | 'under_review' | 'reviewed' | 'approved' | 'rejected' | 'withdrawn';

/**
 * What holds on a date: an open case whose review deadline has passed reads
 * `deadline_missed` whether or not a ReviewDeadlineMissed event was appended
 * yet. The case stays open (the officer may still decide), so a decision
 * event replaces it with `approved` or `rejected`.
 */
export type ApplicationStatusOnDate = RecordedApplicationStatus | 'deadline_missed';

export type KnownApplicationState = Exclude<ApplicationState, { status: 'none' }>;

export function recordedApplicationStatus(state: KnownApplicationState): RecordedApplicationStatus {
  switch (state.status) {
    case 'draft':
      return 'drafted';
    case 'under_review':
      return state.reviewerId === null ? 'accepted' : 'under_review';
    case 'submitted':
    case 'reviewed':
    case 'approved':
    case 'rejected':
    case 'withdrawn':
      return state.status;
    default:
      return assertNever(state, 'application state');
  }
}

/** The review deadline of an open case; null before acceptance and after the case closed. */
export function openReviewDeadline(state: KnownApplicationState): LegalDate | null {
  return state.status === 'under_review' || state.status === 'reviewed' ? state.reviewDeadline : null;
}

/** The domain's own deadline test, so the read model and MarkReviewDeadlineMissed agree. */
export function applicationStatusOn(state: KnownApplicationState, asOf: LegalDate): ApplicationStatusOnDate {
  const deadline = openReviewDeadline(state);
  if (deadline !== null && reviewDeadlinePassed(deadline, asOf)) return 'deadline_missed';
  return recordedApplicationStatus(state);
}
