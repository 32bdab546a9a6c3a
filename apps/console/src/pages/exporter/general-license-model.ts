import type { ApplicationContentInput } from '@licensing/domain';
import type { z } from 'zod';

type GeneralContent = Extract<z.input<typeof ApplicationContentInput>, { licenseType: 'general' }>;

/**
 * A general license's own fields as the form holds them: the earlier
 * licenses' references are typed one per line in a single text area.
 */
export interface GeneralFields {
  additionalEndUsers: GeneralContent['additionalEndUsers'];
  complianceSystem: GeneralContent['complianceSystem'];
  pastLicenseUse: { summary: string; licenseRefs: string };
}

export function emptyGeneralFields(): GeneralFields {
  return {
    additionalEndUsers: [],
    complianceSystem: { description: '', certificateRef: '' },
    pastLicenseUse: { summary: '', licenseRefs: '' },
  };
}

/** The general fields of the body: one license reference per non-blank line, trimmed. */
export function generalContent(fields: GeneralFields): Pick<GeneralContent, keyof GeneralFields> {
  return {
    additionalEndUsers: fields.additionalEndUsers,
    complianceSystem: fields.complianceSystem,
    pastLicenseUse: {
      summary: fields.pastLicenseUse.summary,
      licenseRefs: fields.pastLicenseUse.licenseRefs
        .split('\n')
        .map((reference) => reference.trim())
        .filter((reference) => reference.length > 0),
    },
  };
}
