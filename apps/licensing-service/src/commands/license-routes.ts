import {
  AmendLicenseData,
  AssignAmendmentReviewerData,
  CancelShipmentData,
  CompleteAmendmentReviewData,
  CorrectShipmentData,
  RejectAmendmentData,
  RequestAmendmentData,
  ID_MAX_LENGTH,
  IdInput,
  IssueLicenseData,
  RecordShipmentData,
  ReinstateLicenseData,
  RevokeLicenseData,
  SuspendLicenseData,
} from '@licensing/domain';
import { DecideAmendment, IssueLicenseForApplication, licenses } from '@licensing/workflow';
import { z } from 'zod';
import { type CommandRoute, domainRoute } from './command-route';

const license = { resource: 'licenses', aggregate: licenses, idField: 'licenseId' } as const;

/**
 * One license per application: its id is derived from the application's, so
 * a second issue for the same application lands on the same stream and is
 * refused by the decider instead of creating a twin.
 */
export const licenseIdFor = (applicationId: string) => `L-${applicationId}`;

/** An application id that leaves room for the prefix, so the license id derived from it is an id too. */
export const ApplicationIdInput = IdInput.max(
  ID_MAX_LENGTH - licenseIdFor('').length,
  `at most ${ID_MAX_LENGTH - licenseIdFor('').length} characters, so that the license id ${licenseIdFor('<id>')} is at most ${ID_MAX_LENGTH}`,
);

const IssueBody = z.strictObject({
  applicationId: ApplicationIdInput,
  validFrom: IssueLicenseData.shape.validFrom,
  validUntil: IssueLicenseData.shape.validUntil,
});

const requestId = { amendmentRequestId: RequestAmendmentData.shape.amendmentRequestId };

/** An exporter's amendment request: reviewed, then decided by another officer with the rules evaluated on the license as amended. */
const amendmentRequestRoutes: CommandRoute[] = [
  domainRoute({
    ...license,
    action: 'request-amendment',
    commandType: 'RequestAmendment',
    data: RequestAmendmentData,
    summary:
      'Ask for an amendment (validity end, end users, quantities) with a reason; reviewed and decided like an application',
  }),
  domainRoute({
    ...license,
    action: 'assign-amendment-reviewer',
    commandType: 'AssignAmendmentReviewer',
    data: AssignAmendmentReviewerData,
    summary: 'Assign a reviewer to the amendment request',
  }),
  domainRoute({
    ...license,
    action: 'complete-amendment-review',
    commandType: 'CompleteAmendmentReview',
    data: CompleteAmendmentReviewData,
    summary: 'Complete the review of the amendment request with a recommendation (the assigned reviewer)',
  }),
  {
    resource: 'licenses',
    action: 'approve-amendment',
    commandType: 'ApproveAmendment',
    summary:
      'Approve a reviewed amendment request (not its reviewer); the rules in force today are evaluated on the license as amended, recorded, and the amendment applied',
    body: z.strictObject(requestId),
    toCommand: ({ id, body, metadata, options }) =>
      new DecideAmendment(id, String(body['amendmentRequestId']), { kind: 'approve' }, metadata, options),
  },
  {
    resource: 'licenses',
    action: 'reject-amendment',
    commandType: 'RejectAmendment',
    summary:
      'Reject an amendment request with reasons; the rule evaluation of the license as amended is recorded with it',
    body: z.strictObject({ ...requestId, reasons: RejectAmendmentData.shape.reasons }),
    toCommand: ({ id, body, metadata, options }) =>
      new DecideAmendment(
        id,
        String(body['amendmentRequestId']),
        { kind: 'reject', reasons: body['reasons'] as string[] },
        metadata,
        options,
      ),
  },
];

export const licenseRoutes: CommandRoute[] = [
  {
    resource: 'licenses',
    action: null,
    commandType: 'IssueLicense',
    summary:
      'Issue the license of an approved application (id L-<applicationId>); items, end users and type come from the application',
    body: IssueBody,
    newId: (body) => licenseIdFor(String(body['applicationId'])),
    toCommand: ({ id, body, metadata, options }) => {
      // The gateway has parsed the body with IssueBody already.
      const { applicationId, validFrom, validUntil } = body as z.infer<typeof IssueBody>;
      return new IssueLicenseForApplication(id, applicationId, { validFrom, validUntil }, metadata, options);
    },
  },
  domainRoute({
    ...license,
    action: 'record-shipment',
    commandType: 'RecordShipment',
    data: RecordShipmentData,
    summary: 'Record a shipment; it draws the licensed quantities down',
  }),
  domainRoute({
    ...license,
    action: 'correct-shipment',
    commandType: 'CorrectShipment',
    data: CorrectShipmentData,
    summary:
      "Correct a recorded shipment's lines (they replace the recorded ones); the remaining quantities are re-computed, the customs reference kept",
  }),
  domainRoute({
    ...license,
    action: 'cancel-shipment',
    commandType: 'CancelShipment',
    data: CancelShipmentData,
    summary:
      'Cancel a recorded shipment that did not leave; its quantities go back to the license, its customs reference is kept',
  }),
  domainRoute({
    ...license,
    action: 'amend',
    commandType: 'AmendLicense',
    data: AmendLicenseData,
    summary: 'Amend validity, end users or quantities',
  }),
  domainRoute({
    ...license,
    action: 'suspend',
    commandType: 'SuspendLicense',
    data: SuspendLicenseData,
    summary: 'Suspend, optionally until a date (exclusive)',
  }),
  domainRoute({
    ...license,
    action: 'reinstate',
    commandType: 'ReinstateLicense',
    data: ReinstateLicenseData,
    summary: 'Reinstate a suspended license',
  }),
  domainRoute({
    ...license,
    action: 'revoke',
    commandType: 'RevokeLicense',
    data: RevokeLicenseData,
    summary: 'Revoke the license for good',
  }),
  ...amendmentRequestRoutes,
];
