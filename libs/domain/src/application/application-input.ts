import { z } from 'zod';
import { IdInput, LIST_LIMITS, MediaTypeInput, NameInput, Sha256Input, TextInput } from '../shared/input-fields';
import { EndUseInput, ItemInput, PartyInput } from '../shared/items-input';
import { GeneralApplicationContent, IndividualApplicationContent, SuppliedDocument } from './application-content';

/*
 * What a draft or a revision may carry: the stored application content with
 * limits (see shared/input-fields.ts). `ApplicationDrafted` events keep the
 * permissive `ApplicationContent`, so drafts stored before the limits load.
 */

export const SuppliedDocumentInput = SuppliedDocument.extend({
  name: NameInput,
  ref: NameInput,
  sha256: Sha256Input.optional(),
  mediaType: MediaTypeInput.optional(),
});

const commonInput = {
  exporterId: IdInput,
  items: z.array(ItemInput).min(1).max(LIST_LIMITS.lines),
  consignee: PartyInput,
  endUser: PartyInput,
  endUse: EndUseInput,
  contractRef: NameInput,
  endUserCertificateRef: NameInput,
  endUseCertificateRef: NameInput,
  documents: z.array(SuppliedDocumentInput).max(LIST_LIMITS.documents).optional(),
};

export const ApplicationContentInput = z.discriminatedUnion('licenseType', [
  IndividualApplicationContent.extend(commonInput),
  GeneralApplicationContent.extend({
    ...commonInput,
    // The primary end user plus these make the license's end users.
    additionalEndUsers: z.array(PartyInput).max(LIST_LIMITS.endUsers - 1),
    complianceSystem: GeneralApplicationContent.shape.complianceSystem.extend({
      description: TextInput,
      certificateRef: NameInput,
    }),
    pastLicenseUse: GeneralApplicationContent.shape.pastLicenseUse.extend({
      summary: TextInput,
      licenseRefs: z.array(NameInput).max(LIST_LIMITS.references),
    }),
  }),
]);
