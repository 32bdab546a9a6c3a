import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { Item, Party } from '../shared/items';
import { Command } from '../shared/metadata';
import { LicenseType } from '../application/application-content';

const id = { licenseId: z.string().min(1) };

/**
 * The approved application as the handler loaded it. The decider checks
 * `status` itself rather than trusting the handler to have done so.
 */
export const ApplicationFactsForLicense = z.object({
  applicationId: z.string().min(1),
  exporterId: z.string().min(1),
  status: z.string().min(1),
  licenseType: LicenseType,
  items: z.array(Item).min(1),
  endUsers: z.array(Party).min(1),
});
export type ApplicationFactsForLicense = z.infer<typeof ApplicationFactsForLicense>;

export const IssueLicenseData = z.object({
  ...id,
  application: ApplicationFactsForLicense,
  validFrom: LegalDate,
  validUntil: LegalDate,
});
export const RecordShipmentData = z.object({
  ...id,
  shipmentId: z.string().min(1),
  lines: z.array(z.object({ lineId: z.string().min(1), quantity: z.number().positive() })).min(1),
  customsDeclarationRef: z.string().min(1),
});
export const AmendLicenseData = z.object({
  ...id,
  reason: z.string().min(1),
  validUntil: LegalDate.optional(),
  endUsers: z.array(Party).min(1).optional(),
  quantities: z
    .array(z.object({ lineId: z.string().min(1), quantity: z.number().nonnegative() }))
    .min(1)
    .optional(),
});
export const SuspendLicenseData = z.object({ ...id, reason: z.string().min(1), until: LegalDate.optional() });
export const ReinstateLicenseData = z.object({ ...id, reason: z.string().min(1).optional() });
export const RevokeLicenseData = z.object({ ...id, reason: z.string().min(1) });
export const ExpireLicenseData = z.object(id);

export type IssueLicense = Command<'IssueLicense', z.infer<typeof IssueLicenseData>>;
export type RecordShipment = Command<'RecordShipment', z.infer<typeof RecordShipmentData>>;
export type AmendLicense = Command<'AmendLicense', z.infer<typeof AmendLicenseData>>;
export type SuspendLicense = Command<'SuspendLicense', z.infer<typeof SuspendLicenseData>>;
export type ReinstateLicense = Command<'ReinstateLicense', z.infer<typeof ReinstateLicenseData>>;
export type RevokeLicense = Command<'RevokeLicense', z.infer<typeof RevokeLicenseData>>;
export type ExpireLicense = Command<'ExpireLicense', z.infer<typeof ExpireLicenseData>>;

export type LicenseCommand =
  IssueLicense | RecordShipment | AmendLicense | SuspendLicense | ReinstateLicense | RevokeLicense | ExpireLicense;

/** Edge validation: the `data` schema for each command type. */
export const licenseCommandData = {
  IssueLicense: IssueLicenseData,
  RecordShipment: RecordShipmentData,
  AmendLicense: AmendLicenseData,
  SuspendLicense: SuspendLicenseData,
  ReinstateLicense: ReinstateLicenseData,
  RevokeLicense: RevokeLicenseData,
  ExpireLicense: ExpireLicenseData,
} as const satisfies Record<LicenseCommand['type'], z.ZodType>;
