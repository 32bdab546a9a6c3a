import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, LIST_LIMITS, NameInput, TextInput } from '../shared/input-fields';
import { Item, Party } from '../shared/items';
import { PartyInput } from '../shared/items-input';
import { Command } from '../shared/metadata';
import { LicenseType } from '../application/application-content';
import { AmendmentRequestCommand, amendmentRequestCommandData } from './license-amendment-commands';

// Command inputs carry limits; the events keep permissive schemas (shared/input-fields.ts says why).
const id = { licenseId: IdInput };

/**
 * The approved application as the handler loaded it. The decider checks
 * `status` itself rather than trusting the handler to have done so. Read
 * from stored events, never from a request, so it keeps the permissive
 * stored schemas: an application drafted before the limits stays licensable.
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
  shipmentId: IdInput,
  lines: z
    .array(z.object({ lineId: IdInput, quantity: z.number().positive() }))
    .min(1)
    .max(LIST_LIMITS.lines),
  customsDeclarationRef: NameInput,
});
/** `lines` replace the shipment's lines; a line not named shipped nothing (cancel a shipment that never left). */
export const CorrectShipmentData = z.object({
  ...id,
  shipmentId: IdInput,
  lines: z
    .array(z.object({ lineId: IdInput, quantity: z.number().nonnegative() }))
    .min(1)
    .max(LIST_LIMITS.lines),
  reason: TextInput,
});
export const CancelShipmentData = z.object({ ...id, shipmentId: IdInput, reason: TextInput });
export const AmendLicenseData = z.object({
  ...id,
  reason: TextInput,
  validUntil: LegalDate.optional(),
  endUsers: z.array(PartyInput).min(1).max(LIST_LIMITS.endUsers).optional(),
  quantities: z
    .array(z.object({ lineId: IdInput, quantity: z.number().nonnegative() }))
    .min(1)
    .max(LIST_LIMITS.lines)
    .optional(),
});
export const SuspendLicenseData = z.object({ ...id, reason: TextInput, until: LegalDate.optional() });
export const ReinstateLicenseData = z.object({ ...id, reason: TextInput.optional() });
export const RevokeLicenseData = z.object({ ...id, reason: TextInput });
export const ExpireLicenseData = z.object(id);

export type IssueLicense = Command<'IssueLicense', z.infer<typeof IssueLicenseData>>;
export type RecordShipment = Command<'RecordShipment', z.infer<typeof RecordShipmentData>>;
export type CorrectShipment = Command<'CorrectShipment', z.infer<typeof CorrectShipmentData>>;
export type CancelShipment = Command<'CancelShipment', z.infer<typeof CancelShipmentData>>;
export type AmendLicense = Command<'AmendLicense', z.infer<typeof AmendLicenseData>>;
export type SuspendLicense = Command<'SuspendLicense', z.infer<typeof SuspendLicenseData>>;
export type ReinstateLicense = Command<'ReinstateLicense', z.infer<typeof ReinstateLicenseData>>;
export type RevokeLicense = Command<'RevokeLicense', z.infer<typeof RevokeLicenseData>>;
export type ExpireLicense = Command<'ExpireLicense', z.infer<typeof ExpireLicenseData>>;

export type LicenseCommand =
  | IssueLicense
  | RecordShipment
  | CorrectShipment
  | CancelShipment
  | AmendLicense
  | SuspendLicense
  | ReinstateLicense
  | RevokeLicense
  | ExpireLicense
  | AmendmentRequestCommand;

/** Edge validation: the `data` schema for each command type. */
export const licenseCommandData = {
  IssueLicense: IssueLicenseData,
  RecordShipment: RecordShipmentData,
  CorrectShipment: CorrectShipmentData,
  CancelShipment: CancelShipmentData,
  AmendLicense: AmendLicenseData,
  SuspendLicense: SuspendLicenseData,
  ReinstateLicense: ReinstateLicenseData,
  RevokeLicense: RevokeLicenseData,
  ExpireLicense: ExpireLicenseData,
  ...amendmentRequestCommandData,
} as const satisfies Record<LicenseCommand['type'], z.ZodType>;
