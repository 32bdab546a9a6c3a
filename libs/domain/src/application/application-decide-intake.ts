import { addWorkingDays, legalDateAt } from '../shared/dates';
import { requireRole } from '../authorization/permissions';
import { DomainError } from '../shared/errors';
import { ApplicationContent } from './application-content';
import {
  AcceptApplication,
  DraftApplication,
  RequestDocuments,
  ReviseDraft,
  SubmitApplication,
  SupplyDocuments,
  WithdrawApplication,
} from './application-commands';
import { ApplicationEvent } from './application-events';
import { refuseInStatus, requireStatus } from './application-guards';
import { ApplicationState } from './application-state';

/** The ministry decides within 45 working days of accepting an application. */
export const REVIEW_WORKING_DAYS = 45;

function requireDistinctLines(application: ApplicationContent): void {
  const seen = new Set<string>();
  for (const { lineId } of application.items) {
    if (seen.has(lineId)) {
      throw new DomainError(
        'application.duplicate_line',
        `Item line ${lineId} appears more than once. Give every item line its own id.`,
        { lineId },
      );
    }
    seen.add(lineId);
  }
}

export function draft(command: DraftApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'draft an application');
  if (state.status !== 'none') {
    throw new DomainError(
      'application.already_drafted',
      `Application ${state.applicationId} already exists (${state.status}). Revise the draft or use a new application id.`,
    );
  }
  requireDistinctLines(command.data.application);
  const { applicationId, application } = command.data;
  return [
    {
      type: 'ApplicationDrafted',
      schemaVersion: 1,
      data: { applicationId, application, draftedOn: legalDateAt(command.metadata.occurredAt) },
    },
  ];
}

export function revise(command: ReviseDraft, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'revise a draft');
  if (state.status !== 'draft') {
    if (state.status === 'none') return refuseInStatus(state, 'revise a draft');
    throw new DomainError(
      'application.not_editable',
      `Application ${state.applicationId} is ${state.status} and can no longer be edited. Withdraw it and draft a new one if the facts changed.`,
      { status: state.status },
    );
  }
  requireDistinctLines(command.data.application);
  return [
    {
      type: 'ApplicationDraftRevised',
      schemaVersion: 1,
      data: {
        applicationId: state.applicationId,
        application: command.data.application,
        revisedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function submit(command: SubmitApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'submit an application');
  if (state.status !== 'draft' && state.status !== 'none' && state.status !== 'withdrawn') {
    throw new DomainError(
      'application.already_submitted',
      `Application ${state.applicationId} has already been submitted (it is ${state.status}).`,
      { status: state.status },
    );
  }
  const drafted = requireStatus(state, ['draft'], 'submit an application');
  return [
    {
      type: 'ApplicationSubmitted',
      schemaVersion: 1,
      data: {
        applicationId: drafted.applicationId,
        exporterId: drafted.application.exporterId,
        licenseType: drafted.application.licenseType,
        submittedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function accept(command: AcceptApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'accept an application');
  const submitted = requireStatus(state, ['submitted'], 'accept an application');
  if (submitted.pendingDocuments !== null) {
    throw new DomainError(
      'application.documents_outstanding',
      `Application ${submitted.applicationId} still lacks the documents requested on ${submitted.pendingDocuments.requestedOn} (${submitted.pendingDocuments.documents.join(', ')}). Accept it once they are supplied.`,
    );
  }
  const acceptedOn = legalDateAt(command.metadata.occurredAt);
  const holidays = new Set(command.data.holidays ?? []);
  return [
    {
      type: 'ApplicationAccepted',
      schemaVersion: 1,
      data: {
        applicationId: submitted.applicationId,
        acceptedOn,
        reviewWorkingDays: REVIEW_WORKING_DAYS,
        reviewDeadline: addWorkingDays(acceptedOn, REVIEW_WORKING_DAYS, holidays),
      },
    },
  ];
}

export function requestDocuments(command: RequestDocuments, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'request documents');
  const open = requireStatus(state, ['submitted', 'under_review'], 'request documents');
  if (open.pendingDocuments !== null) {
    throw new DomainError(
      'application.documents_already_requested',
      `Documents requested on ${open.pendingDocuments.requestedOn} are still outstanding. Wait for them before asking for more.`,
    );
  }
  const { documents, reason } = command.data;
  return [
    {
      type: 'DocumentsRequested',
      schemaVersion: 1,
      data: {
        applicationId: open.applicationId,
        documents,
        reason,
        requestedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function supplyDocuments(command: SupplyDocuments, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'supply documents');
  const open = requireStatus(state, ['submitted', 'under_review', 'reviewed'], 'supply documents');
  if (open.pendingDocuments === null) {
    throw new DomainError(
      'application.no_documents_requested',
      `No documents have been requested for application ${open.applicationId}, so there is nothing to supply.`,
    );
  }
  const supplied = new Set(command.data.documents.map((d) => d.name));
  const missing = open.pendingDocuments.documents.filter((name) => !supplied.has(name));
  if (missing.length > 0) {
    throw new DomainError(
      'application.documents_incomplete',
      `The request also asked for: ${missing.join(', ')}. Supply every requested document.`,
      { missing },
    );
  }
  return [
    {
      type: 'DocumentsSupplied',
      schemaVersion: 1,
      data: {
        applicationId: open.applicationId,
        documents: command.data.documents,
        suppliedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

export function withdraw(command: WithdrawApplication, state: ApplicationState): ApplicationEvent[] {
  requireRole(command.type, command.metadata.actor, 'withdraw an application');
  const open = requireStatus(state, ['draft', 'submitted', 'under_review', 'reviewed'], 'withdraw an application');
  return [
    {
      type: 'ApplicationWithdrawn',
      schemaVersion: 1,
      data: {
        applicationId: open.applicationId,
        withdrawnOn: legalDateAt(command.metadata.occurredAt),
        reason: command.data.reason ?? null,
      },
    },
  ];
}
