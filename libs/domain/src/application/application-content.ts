import { z } from 'zod';
import { CountryCode, EndUse, Item, Party } from '../shared/items';

/**
 * What an exporter applies for. An individual license names one end user; a
 * general license may name several and must describe the exporter's internal
 * compliance system and its past use of licenses.
 */
/**
 * A document named in a case. With `sha256` it names bytes in the service's
 * content-addressed document store (POST /documents), so the record shows
 * which bytes a reviewer saw; documents recorded before hashes have none.
 */
const SuppliedDocumentShape = z.object({
  name: z.string().min(1),
  ref: z.string().min(1),
  /** The SHA-256 of the bytes, 64 lowercase hex digits. */
  sha256: z.string().min(1).optional(),
  /** The bytes' media type as uploaded, e.g. `application/pdf`. */
  mediaType: z.string().min(1).optional(),
});

const commonContent = {
  exporterId: z.string().min(1),
  items: z.array(Item).min(1),
  consignee: Party,
  endUser: Party,
  endUse: EndUse,
  destination: CountryCode,
  contractRef: z.string().min(1),
  /** The certificates in which importer and end user promise not to re-transfer. */
  endUserCertificateRef: z.string().min(1),
  endUseCertificateRef: z.string().min(1),
  /** For foreign-made items (No. 61): Chinese-origin controlled rare-earth share of value, 0–100. */
  chineseRareEarthValueSharePercent: z.number().min(0).max(100).optional(),
  /** The documents behind the references above (contract, certificates), with the bytes' hash where uploaded. */
  documents: z.array(SuppliedDocumentShape).optional(),
};

export const IndividualApplicationContent = z.object({
  licenseType: z.literal('individual'),
  ...commonContent,
});
export type IndividualApplicationContent = z.infer<typeof IndividualApplicationContent>;

export const GeneralApplicationContent = z.object({
  licenseType: z.literal('general'),
  ...commonContent,
  /** End users besides `endUser`; a general license may serve several named customers. */
  additionalEndUsers: z.array(Party),
  complianceSystem: z.object({
    description: z.string().min(1),
    certificateRef: z.string().min(1),
  }),
  pastLicenseUse: z.object({
    summary: z.string().min(1),
    licenseRefs: z.array(z.string().min(1)),
  }),
});
export type GeneralApplicationContent = z.infer<typeof GeneralApplicationContent>;

export const ApplicationContent = z.discriminatedUnion('licenseType', [
  IndividualApplicationContent,
  GeneralApplicationContent,
]);
export type ApplicationContent = z.infer<typeof ApplicationContent>;

export const LicenseType = z.enum(['individual', 'general']);
export type LicenseType = z.infer<typeof LicenseType>;

/** Every end user the application names, the primary one first. */
export function endUsersOf(application: ApplicationContent): Party[] {
  return application.licenseType === 'general'
    ? [application.endUser, ...application.additionalEndUsers]
    : [application.endUser];
}

export const SuppliedDocument = SuppliedDocumentShape;
export type SuppliedDocument = z.infer<typeof SuppliedDocument>;
