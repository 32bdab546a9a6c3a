import {
  AmendLicenseData,
  ID_MAX_LENGTH,
  IdInput,
  IssueLicenseData,
  RecordShipmentData,
  ReinstateLicenseData,
  RevokeLicenseData,
  SuspendLicenseData,
} from '@licensing/domain';
import { IssueLicenseForApplication, licenses } from '@licensing/workflow';
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
];
