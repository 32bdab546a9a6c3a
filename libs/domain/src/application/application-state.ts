import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { DecisionRecord } from '../rules/decision-record';
import { ApplicationContent } from './application-content';
import { ApplicationEvent, ReviewRecommendation } from './application-events';

export interface DocumentRequest {
  readonly documents: readonly string[];
  readonly reason: string;
  readonly requestedOn: LegalDate;
}

export interface CompletedReview {
  readonly reviewerId: string;
  readonly recommendation: ReviewRecommendation;
  readonly notes: string;
  readonly completedOn: LegalDate;
}

interface Filed {
  readonly applicationId: string;
  readonly application: ApplicationContent;
}

interface Submitted extends Filed {
  readonly submittedOn: LegalDate;
  /** An open request for documents, until the exporter supplies them. */
  readonly pendingDocuments: DocumentRequest | null;
}

interface Accepted extends Submitted {
  readonly acceptedOn: LegalDate;
  readonly reviewDeadline: LegalDate;
  readonly reviewerId: string | null;
  readonly deadlineMissed: boolean;
}

export type ApplicationState =
  | { readonly status: 'none' }
  | ({ readonly status: 'draft' } & Filed)
  | ({ readonly status: 'submitted' } & Submitted)
  | ({ readonly status: 'under_review' } & Accepted)
  | ({ readonly status: 'reviewed'; readonly review: CompletedReview } & Accepted)
  | ({
      readonly status: 'approved';
      readonly approverId: string;
      readonly decidedOn: LegalDate;
      readonly decision: DecisionRecord;
    } & Filed)
  | ({
      readonly status: 'rejected';
      readonly approverId: string;
      readonly decidedOn: LegalDate;
      readonly decision: DecisionRecord | null;
      readonly reasons: readonly string[];
    } & Filed)
  | ({ readonly status: 'withdrawn'; readonly withdrawnOn: LegalDate } & Filed);

export type ApplicationStatus = ApplicationState['status'];

/** The deadline day itself still counts as in time; the day after, the deadline is missed. */
export function reviewDeadlinePassed(reviewDeadline: LegalDate, on: LegalDate): boolean {
  return on > reviewDeadline;
}
export type ApplicationStateIn<S extends ApplicationStatus> = Extract<ApplicationState, { status: S }>;

export const initialApplicationState: ApplicationState = { status: 'none' };

function filed(state: ApplicationState): Filed {
  if (state.status === 'none') throw new Error('Event applied to an application that was never drafted');
  return { applicationId: state.applicationId, application: state.application };
}

function accepted(state: ApplicationState): ApplicationStateIn<'under_review' | 'reviewed'> {
  if (state.status !== 'under_review' && state.status !== 'reviewed') {
    throw new Error(`Review event applied to an application that is ${state.status}`);
  }
  return state;
}

function openCase(state: ApplicationState): ApplicationStateIn<'submitted' | 'under_review' | 'reviewed'> {
  if (state.status !== 'submitted' && state.status !== 'under_review' && state.status !== 'reviewed') {
    throw new Error(`Document event applied to an application that is ${state.status}`);
  }
  return state;
}

/** Evolve trusts the stream: the decider only ever appended events that fit. */
export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationDrafted':
    case 'ApplicationDraftRevised':
      return { status: 'draft', applicationId: event.data.applicationId, application: event.data.application };
    case 'ApplicationSubmitted':
      return { status: 'submitted', ...filed(state), submittedOn: event.data.submittedOn, pendingDocuments: null };
    case 'ApplicationAccepted': {
      const submitted = openCase(state);
      return {
        status: 'under_review',
        ...filed(state),
        submittedOn: submitted.submittedOn,
        pendingDocuments: submitted.pendingDocuments,
        acceptedOn: event.data.acceptedOn,
        reviewDeadline: event.data.reviewDeadline,
        reviewerId: null,
        deadlineMissed: false,
      };
    }
    case 'DocumentsRequested': {
      const { documents, reason, requestedOn } = event.data;
      return { ...openCase(state), pendingDocuments: { documents, reason, requestedOn } };
    }
    case 'DocumentsSupplied':
      return { ...openCase(state), pendingDocuments: null };
    case 'ReviewerAssigned':
      return { ...accepted(state), status: 'under_review', reviewerId: event.data.reviewerId };
    case 'ReviewCompleted': {
      const { reviewerId, recommendation, notes, completedOn } = event.data;
      return { ...accepted(state), status: 'reviewed', review: { reviewerId, recommendation, notes, completedOn } };
    }
    case 'ApplicationApproved': {
      const { approverId, approvedOn, decision } = event.data;
      return { status: 'approved', ...filed(state), approverId, decidedOn: approvedOn, decision };
    }
    case 'ApplicationRejected': {
      const { approverId, rejectedOn, decision, reasons } = event.data;
      return { status: 'rejected', ...filed(state), approverId, decidedOn: rejectedOn, decision, reasons };
    }
    case 'ApplicationWithdrawn':
      return { status: 'withdrawn', ...filed(state), withdrawnOn: event.data.withdrawnOn };
    case 'ReviewDeadlineMissed':
      return { ...accepted(state), deadlineMissed: true };
    default:
      return assertNever(event, 'application event');
  }
}
