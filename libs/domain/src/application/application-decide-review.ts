import { legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { DomainError, ForbiddenError } from '../shared/errors';
import { DecisionRecord } from '../rules/decision-record';
import {
  ApproveApplication,
  AssignReviewer,
  CompleteReview,
  MarkReviewDeadlineMissed,
  RejectApplication,
} from './application-commands';
import { ApplicationEvent } from './application-events';
import { requireStatus } from './application-guards';
import { ApplicationState, reviewDeadlinePassed } from './application-state';

export function assignReviewer(command: AssignReviewer, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'assign a reviewer');
  const underReview = requireStatus(state, ['under_review'], 'assign a reviewer');
  return [
    {
      type: 'ReviewerAssigned',
      schemaVersion: 1,
      data: {
        applicationId: underReview.applicationId,
        reviewerId: command.data.reviewerId,
        assignedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function completeReview(command: CompleteReview, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'complete a review');
  const underReview = requireStatus(state, ['under_review'], 'complete a review');
  const reviewerId = command.metadata.actor.id;
  if (underReview.reviewerId === null) {
    throw new DomainError(
      'application.no_reviewer_assigned',
      `No reviewer is assigned to application ${underReview.applicationId}. A licensing officer must assign one first.`,
    );
  }
  if (underReview.reviewerId !== reviewerId) {
    throw new ForbiddenError(
      'application.not_assigned_reviewer',
      `Application ${underReview.applicationId} is assigned to reviewer ${underReview.reviewerId}, not ${reviewerId}.`,
    );
  }
  if (underReview.pendingDocuments !== null) {
    throw new DomainError(
      'application.documents_outstanding',
      `The documents requested on ${underReview.pendingDocuments.requestedOn} have not been supplied. Complete the review once they are.`,
    );
  }
  const { recommendation, notes } = command.data;
  return [
    {
      type: 'ReviewCompleted',
      schemaVersion: 1,
      data: {
        applicationId: underReview.applicationId,
        reviewerId,
        recommendation,
        notes,
        completedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

function requireRecordFor(applicationId: string, decision: DecisionRecord): void {
  if (decision.applicationId !== applicationId) {
    throw new DomainError(
      'application.decision_mismatch',
      `The decision record is for application ${decision.applicationId}, not ${applicationId}. Evaluate this application and decide on its own record.`,
    );
  }
}

/** Four-eyes: whoever decides must not be the reviewer whose review they decide on. */
function requireSecondPair(reviewerId: string, approverId: string, verb: string): void {
  if (reviewerId === approverId) {
    throw new ForbiddenError(
      'application.four_eyes',
      `${approverId} completed the review and so may not ${verb} the application: a reviewer approving their own review defeats the four-eyes rule. Another licensing officer must decide.`,
    );
  }
}

export function approve(command: ApproveApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'approve an application');
  const reviewed = requireStatus(state, ['reviewed'], 'approve an application');
  const { decision } = command.data;
  requireRecordFor(reviewed.applicationId, decision);
  if (decision.verdict === 'deny') {
    throw new DomainError(
      'application.decision_denies',
      `The rules deny this export (${decision.reasons.join('; ')}). Reject the application instead.`,
      { denialGrounds: decision.denialGrounds },
    );
  }
  if (decision.verdict === 'not_controlled') {
    throw new DomainError(
      'application.no_license_needed',
      `No control measure in force on ${decision.validOn} controls these items, so no license is needed and none can be approved. Tell the exporter, who may withdraw the application.`,
    );
  }
  if (reviewed.application.licenseType === 'general' && !decision.generalLicense.eligible) {
    throw new DomainError(
      'application.general_license_ineligible',
      `The exporter does not meet the general-license conditions (${decision.generalLicense.reasons.join('; ')}). Reject, or let the exporter apply for individual licenses.`,
    );
  }
  requireSecondPair(reviewed.review.reviewerId, command.metadata.actor.id, 'approve');
  return [
    {
      type: 'ApplicationApproved',
      schemaVersion: 1,
      data: {
        applicationId: reviewed.applicationId,
        exporterId: reviewed.application.exporterId,
        licenseType: reviewed.application.licenseType,
        approverId: command.metadata.actor.id,
        approvedOn: legalDateAt(command.metadata.occurredAt),
        decision,
      },
    },
  ];
}

/** A rejection may come before the review ends (e.g. a denial ground is plain). */
export function reject(command: RejectApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'reject an application');
  const accepted = requireStatus(state, ['under_review', 'reviewed'], 'reject an application');
  const { decision } = command.data;
  if (decision !== undefined) requireRecordFor(accepted.applicationId, decision);
  const reasons = command.data.reasons.length > 0 ? command.data.reasons : (decision?.reasons ?? []);
  if (reasons.length === 0) {
    throw new DomainError(
      'application.rejection_reasons_missing',
      'A rejection must say why: give reasons or a decision record that states them.',
    );
  }
  if (accepted.status === 'reviewed')
    requireSecondPair(accepted.review.reviewerId, command.metadata.actor.id, 'reject');
  return [
    {
      type: 'ApplicationRejected',
      schemaVersion: 1,
      data: {
        applicationId: accepted.applicationId,
        exporterId: accepted.application.exporterId,
        approverId: command.metadata.actor.id,
        rejectedOn: legalDateAt(command.metadata.occurredAt),
        decision: decision ?? null,
        reasons,
      },
    },
  ];
}

export function markDeadlineMissed(command: MarkReviewDeadlineMissed, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'mark the review deadline missed');
  const accepted = requireStatus(state, ['under_review', 'reviewed'], 'mark the review deadline missed');
  const today = legalDateAt(command.metadata.occurredAt);
  if (!reviewDeadlinePassed(accepted.reviewDeadline, today)) {
    throw new DomainError(
      'application.deadline_not_passed',
      `The review deadline is ${accepted.reviewDeadline}; on ${today} it has not passed yet.`,
      { reviewDeadline: accepted.reviewDeadline, today },
    );
  }
  if (accepted.deadlineMissed) {
    throw new DomainError(
      'application.deadline_already_marked',
      `The missed deadline of ${accepted.reviewDeadline} is already recorded for application ${accepted.applicationId}.`,
    );
  }
  return [
    {
      type: 'ReviewDeadlineMissed',
      schemaVersion: 1,
      data: { applicationId: accepted.applicationId, deadline: accepted.reviewDeadline, detectedOn: today },
    },
  ];
}
