import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { DecisionRecord } from '../rules/decision-record';
import { AmendmentChanges, AmendmentRecommendation } from './license-amendment-events';
import type { LicenseEventOf } from './license-events';

export type AmendmentRequestStatus = 'requested' | 'under_review' | 'reviewed' | 'approved' | 'rejected';

export interface AmendmentReview {
  readonly reviewerId: string;
  readonly recommendation: AmendmentRecommendation;
  readonly notes: string;
  readonly completedOn: LegalDate;
}

export interface AmendmentOutcome {
  readonly outcome: 'approved' | 'rejected';
  readonly approverId: string;
  readonly decidedOn: LegalDate;
  /** The officer's reasons for a rejection; empty for an approval (its record states its own). */
  readonly reasons: readonly string[];
  readonly record: DecisionRecord | null;
}

/**
 * An exporter's request to amend a license, reviewed and decided like an
 * application: a reviewer assigned, the review completed by that reviewer,
 * then approved or rejected by another licensing officer (four eyes).
 */
export interface AmendmentRequest {
  readonly amendmentRequestId: string;
  readonly status: AmendmentRequestStatus;
  readonly requestedBy: string;
  readonly requestedOn: LegalDate;
  readonly reason: string;
  readonly changes: AmendmentChanges;
  readonly reviewerId: string | null;
  readonly review: AmendmentReview | null;
  readonly decision: AmendmentOutcome | null;
}

export type AmendmentRequestEvent = LicenseEventOf<
  | 'AmendmentRequested'
  | 'AmendmentReviewerAssigned'
  | 'AmendmentReviewCompleted'
  | 'AmendmentApproved'
  | 'AmendmentRejected'
>;

const OPEN: readonly AmendmentRequestStatus[] = ['requested', 'under_review', 'reviewed'];

export function isOpen(request: AmendmentRequest): boolean {
  return OPEN.includes(request.status);
}

/** The one request still waiting for a decision, if any: a license has at most one open at a time. */
export function openAmendmentRequest(requests: readonly AmendmentRequest[]): AmendmentRequest | undefined {
  return requests.find(isOpen);
}

/** Whose review the license is for reading and reviewing: the reviewer of its latest amendment request. */
export function amendmentReviewerOf(requests: readonly AmendmentRequest[]): string | null {
  return requests.at(-1)?.reviewerId ?? null;
}

function changeOne(
  requests: readonly AmendmentRequest[],
  id: string,
  change: (request: AmendmentRequest) => AmendmentRequest,
): AmendmentRequest[] {
  return requests.map((request) => (request.amendmentRequestId === id ? change(request) : request));
}

/** Evolve trusts the stream: the decider only appended events that fit the request named. */
export function evolveAmendmentRequests(
  requests: readonly AmendmentRequest[],
  event: AmendmentRequestEvent,
): AmendmentRequest[] {
  switch (event.type) {
    case 'AmendmentRequested': {
      const { amendmentRequestId, requestedBy, requestedOn, reason, changes } = event.data;
      return [
        ...requests,
        {
          amendmentRequestId,
          status: 'requested',
          requestedBy,
          requestedOn,
          reason,
          changes,
          reviewerId: null,
          review: null,
          decision: null,
        },
      ];
    }
    case 'AmendmentReviewerAssigned':
      return changeOne(requests, event.data.amendmentRequestId, (request) => ({
        ...request,
        status: 'under_review',
        reviewerId: event.data.reviewerId,
      }));
    case 'AmendmentReviewCompleted': {
      const { reviewerId, recommendation, notes, completedOn } = event.data;
      return changeOne(requests, event.data.amendmentRequestId, (request) => ({
        ...request,
        status: 'reviewed',
        review: { reviewerId, recommendation, notes, completedOn },
      }));
    }
    case 'AmendmentApproved': {
      const { approverId, approvedOn, decision } = event.data;
      return changeOne(requests, event.data.amendmentRequestId, (request) => ({
        ...request,
        status: 'approved',
        decision: { outcome: 'approved', approverId, decidedOn: approvedOn, reasons: [], record: decision },
      }));
    }
    case 'AmendmentRejected': {
      const { approverId, rejectedOn, reasons, decision } = event.data;
      return changeOne(requests, event.data.amendmentRequestId, (request) => ({
        ...request,
        status: 'rejected',
        decision: { outcome: 'rejected', approverId, decidedOn: rejectedOn, reasons, record: decision },
      }));
    }
    default:
      return assertNever(event, 'amendment request event');
  }
}
