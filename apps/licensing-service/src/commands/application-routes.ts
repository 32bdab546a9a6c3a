import {
  AcceptApplicationData,
  AssignReviewerData,
  CompleteReviewData,
  DraftApplicationData,
  RejectApplicationData,
  RequestDocumentsData,
  ReviseDraftData,
  SubmitApplicationData,
  SupplyDocumentsData,
  WithdrawApplicationData,
  type LegalDate,
} from '@licensing/domain';
import { AcceptApplicationOnCalendar, applications, DecideApplication } from '@licensing/workflow';
import { z } from 'zod';
import { type CommandRoute, domainRoute } from './command-route';
import { ApplicationIdInput } from './license-routes';

const application = { resource: 'applications', aggregate: applications, idField: 'applicationId' } as const;

/** Approval and rejection: the officer decides, the service evaluates the rules and records them. */
const decisionRoutes: CommandRoute[] = [
  {
    resource: 'applications',
    action: 'approve',
    commandType: 'ApproveApplication',
    summary:
      'Approve a reviewed application; the decision record of the rules in force today is computed and stored with it',
    body: z.strictObject({}),
    toCommand: ({ id, metadata, options }) => new DecideApplication(id, { kind: 'approve' }, metadata, options),
  },
  {
    resource: 'applications',
    action: 'reject',
    commandType: 'RejectApplication',
    summary:
      'Reject an application with reasons; the rule evaluation is recorded with it when the application can be evaluated',
    body: z.strictObject({ reasons: RejectApplicationData.shape.reasons }),
    toCommand: ({ id, body, metadata, options }) =>
      new DecideApplication(id, { kind: 'reject', reasons: body['reasons'] as string[] }, metadata, options),
  },
];

export const applicationRoutes: CommandRoute[] = [
  domainRoute({
    ...application,
    action: null,
    commandType: 'DraftApplication',
    // A new application's id must leave room for its license's (L-<id>).
    data: DraftApplicationData.extend({ applicationId: ApplicationIdInput }),
    summary: 'Draft an application',
  }),
  domainRoute({
    ...application,
    action: 'revise',
    commandType: 'ReviseDraft',
    data: ReviseDraftData,
    summary: 'Revise a draft',
  }),
  domainRoute({
    ...application,
    action: 'submit',
    commandType: 'SubmitApplication',
    data: SubmitApplicationData,
    summary: 'Submit the application',
  }),
  {
    resource: 'applications',
    action: 'accept',
    commandType: 'AcceptApplication',
    summary:
      "Accept for review; the 45-working-day review clock starts (holidays: the request's, else the service's calendar)",
    body: z.strictObject({
      holidays: AcceptApplicationData.shape.holidays.describe(
        "Public holidays the review clock skips besides weekends; absent: the service's calendar (PUBLIC_HOLIDAYS_FILE).",
      ),
    }),
    toCommand: ({ id, body, metadata, options }) =>
      new AcceptApplicationOnCalendar(id, body['holidays'] as LegalDate[] | undefined, metadata, options),
  },
  domainRoute({
    ...application,
    action: 'request-documents',
    commandType: 'RequestDocuments',
    data: RequestDocumentsData,
    summary: 'Ask the exporter for documents',
  }),
  domainRoute({
    ...application,
    action: 'supply-documents',
    commandType: 'SupplyDocuments',
    data: SupplyDocumentsData,
    summary: 'Supply requested documents',
  }),
  domainRoute({
    ...application,
    action: 'assign-reviewer',
    commandType: 'AssignReviewer',
    data: AssignReviewerData,
    summary: 'Assign a reviewer',
  }),
  domainRoute({
    ...application,
    action: 'complete-review',
    commandType: 'CompleteReview',
    data: CompleteReviewData,
    summary: 'Complete the review with a recommendation',
  }),
  ...decisionRoutes,
  domainRoute({
    ...application,
    action: 'withdraw',
    commandType: 'WithdrawApplication',
    data: WithdrawApplicationData,
    summary: 'Withdraw the application',
  }),
];
