import { legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '../shared/errors';
import { DecisionRecord } from '../rules/decision-record';
import {
  ApproveAmendment,
  AssignAmendmentReviewer,
  CompleteAmendmentReview,
  RejectAmendment,
  RequestAmendment,
} from './license-amendment-commands';
import { AmendmentRequest, AmendmentRequestStatus, openAmendmentRequest } from './license-amendment-state';
import { amendmentEvents } from './license-decide-issue';
import { LicenseEvent } from './license-events';
import { requireIssued, requireLive } from './license-guards';
import { LicenseRecord, LicenseState } from './license-state';

/**
 * The request a command names, on a license issued, in one of the statuses
 * it allows, or the refusal that says why not. The application layer asks it
 * before it evaluates anything for a decision.
 */
export function requireAmendmentRequest(
  state: LicenseState,
  amendmentRequestId: string,
  allowed: readonly AmendmentRequestStatus[],
  action: string,
): AmendmentRequest {
  return requireRequest(requireIssued(state, action).license, amendmentRequestId, allowed, action);
}

/** The request the command names, in one of the statuses it allows, or the refusal that says why not. */
function requireRequest(
  license: LicenseRecord,
  amendmentRequestId: string,
  allowed: readonly AmendmentRequestStatus[],
  action: string,
): AmendmentRequest {
  const request = license.amendmentRequests.find((r) => r.amendmentRequestId === amendmentRequestId);
  if (request === undefined) {
    throw new NotFoundError(
      'license.unknown_amendment_request',
      `License ${license.licenseId} has no amendment request ${amendmentRequestId}.`,
      { amendmentRequestId },
    );
  }
  if (allowed.includes(request.status)) return request;
  const hint =
    request.status === 'approved' || request.status === 'rejected'
      ? `it was ${request.status} on ${request.decision?.decidedOn}`
      : request.status === 'requested'
        ? 'no reviewer is assigned yet: a licensing officer must assign one first'
        : request.status === 'under_review'
          ? 'its review is not completed yet'
          : 'its review is completed: approve or reject it';
  throw new ConflictError(
    `license.amendment_request_${request.status === 'requested' ? 'unassigned' : request.status}`,
    `Cannot ${action}: amendment request ${amendmentRequestId} of license ${license.licenseId} is ${request.status}; ${hint}.`,
    { amendmentRequestId, status: request.status },
  );
}

export function requestAmendment(command: RequestAmendment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'request an amendment');
  const live = requireLive(state, 'request an amendment');
  const { license } = live;
  const { amendmentRequestId, changes, reason } = command.data;
  if (license.amendmentRequests.some((r) => r.amendmentRequestId === amendmentRequestId)) {
    throw new ConflictError(
      'license.duplicate_amendment_request',
      `License ${license.licenseId} already has an amendment request ${amendmentRequestId}; use a new id.`,
    );
  }
  const open = openAmendmentRequest(license.amendmentRequests);
  if (open !== undefined) {
    throw new ConflictError(
      'license.amendment_request_open',
      `Amendment request ${open.amendmentRequestId} of license ${license.licenseId} is still ${open.status}; one request at a time, so wait for its decision.`,
      { amendmentRequestId: open.amendmentRequestId },
    );
  }
  const today = legalDateAt(command.metadata.occurredAt);
  // The same rules as the amendment itself, so a request that could never be applied is refused now.
  amendmentEvents(live, changes, reason, today, amendmentRequestId);
  return [
    {
      type: 'AmendmentRequested',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        amendmentRequestId,
        requestedBy: command.metadata.actor.id,
        requestedOn: today,
        reason,
        changes,
      },
    },
  ];
}

export function assignAmendmentReviewer(command: AssignAmendmentReviewer, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'assign a reviewer to an amendment request');
  const { license } = requireIssued(state, 'assign a reviewer to an amendment request');
  const { amendmentRequestId, reviewerId } = command.data;
  requireRequest(license, amendmentRequestId, ['requested', 'under_review'], 'assign a reviewer');
  return [
    {
      type: 'AmendmentReviewerAssigned',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        amendmentRequestId,
        reviewerId,
        assignedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function completeAmendmentReview(command: CompleteAmendmentReview, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'complete the review of an amendment request');
  const { license } = requireIssued(state, 'complete the review of an amendment request');
  const { amendmentRequestId, recommendation, notes } = command.data;
  const request = requireRequest(license, amendmentRequestId, ['under_review'], 'complete the review');
  const reviewerId = command.metadata.actor.id;
  if (request.reviewerId !== reviewerId) {
    throw new ForbiddenError(
      'license.not_assigned_reviewer',
      `Amendment request ${amendmentRequestId} is assigned to reviewer ${request.reviewerId}, not ${reviewerId}.`,
    );
  }
  return [
    {
      type: 'AmendmentReviewCompleted',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        amendmentRequestId,
        reviewerId,
        recommendation,
        notes,
        completedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

/** Four eyes: whoever decides must not be the reviewer of the request. */
function requireSecondPair(request: AmendmentRequest, deciderId: string, verb: string): void {
  if (request.review?.reviewerId === deciderId) {
    throw new ForbiddenError(
      'license.four_eyes',
      `${deciderId} reviewed amendment request ${request.amendmentRequestId} and so may not ${verb} it. Another licensing officer must decide.`,
    );
  }
}

function requireRecordFor(license: LicenseRecord, decision: DecisionRecord): void {
  if (decision.applicationId !== license.applicationId) {
    throw new DomainError(
      'license.decision_mismatch',
      `The decision record is for application ${decision.applicationId}, not ${license.applicationId} on which license ${license.licenseId} was issued. Evaluate the license as amended.`,
    );
  }
}

function requireApprovable(license: LicenseRecord, decision: DecisionRecord): void {
  requireRecordFor(license, decision);
  if (decision.verdict === 'deny') {
    throw new DomainError(
      'license.amendment_denied_by_rules',
      `The rules deny the export as amended (${decision.reasons.join('; ')}). Reject the request instead.`,
      { denialGrounds: decision.denialGrounds },
    );
  }
  if (decision.verdict === 'not_controlled') {
    throw new DomainError(
      'license.amendment_no_license_needed',
      `No control measure in force on ${decision.validOn} controls these items any more, so the license needs no amendment. Reject the request and tell the exporter.`,
    );
  }
  if (license.licenseType === 'general' && !decision.generalLicense.eligible) {
    throw new DomainError(
      'license.general_license_ineligible',
      `The exporter no longer meets the general-license conditions (${decision.generalLicense.reasons.join('; ')}). Reject the request.`,
    );
  }
}

/** The approval and, in the same append, the amendment it orders (checked again on the license as it is now). */
export function approveAmendment(command: ApproveAmendment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'approve an amendment request');
  const current = requireIssued(state, 'approve an amendment request');
  const { amendmentRequestId, decision } = command.data;
  const request = requireRequest(current.license, amendmentRequestId, ['reviewed'], 'approve it');
  requireApprovable(current.license, decision);
  requireSecondPair(request, command.metadata.actor.id, 'approve');
  const live = requireLive(current, 'approve an amendment request');
  const today = legalDateAt(command.metadata.occurredAt);
  const amendment = amendmentEvents(live, request.changes, request.reason, today, amendmentRequestId);
  return [
    {
      type: 'AmendmentApproved',
      schemaVersion: 1,
      data: {
        licenseId: live.license.licenseId,
        amendmentRequestId,
        approverId: command.metadata.actor.id,
        approvedOn: today,
        decision,
      },
    },
    ...amendment,
  ];
}

/** A rejection may come at any point before the decision, e.g. on a revoked license. */
export function rejectAmendment(command: RejectAmendment, state: LicenseState): LicenseEvent[] {
  requireRole(command.type, command.metadata.actor, 'reject an amendment request');
  const { license } = requireIssued(state, 'reject an amendment request');
  const { amendmentRequestId, decision } = command.data;
  const request = requireRequest(license, amendmentRequestId, ['requested', 'under_review', 'reviewed'], 'reject it');
  if (decision !== undefined) requireRecordFor(license, decision);
  const reasons = command.data.reasons.length > 0 ? command.data.reasons : (decision?.reasons ?? []);
  if (reasons.length === 0) {
    throw new DomainError(
      'license.rejection_reasons_missing',
      'A rejection must say why: give reasons or a decision record that states them.',
    );
  }
  requireSecondPair(request, command.metadata.actor.id, 'reject');
  return [
    {
      type: 'AmendmentRejected',
      schemaVersion: 1,
      data: {
        licenseId: license.licenseId,
        amendmentRequestId,
        approverId: command.metadata.actor.id,
        rejectedOn: legalDateAt(command.metadata.occurredAt),
        reasons,
        decision: decision ?? null,
      },
    },
  ];
}
