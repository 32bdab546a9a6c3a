import {
  type ApplicationContentInput,
  DraftApplicationData,
  type LicenseType,
  PreCheckRequest,
} from '@licensing/domain';
import type { z } from 'zod';
import { type GeneralFields, emptyGeneralFields, generalContent } from './general-license-model';

type ContentInput = z.input<typeof ApplicationContentInput>;
type IndividualContent = Extract<ContentInput, { licenseType: 'individual' }>;
/**
 * What the form edits: the body of `POST /applications` with the fields of
 * both license types, so switching back and forth keeps what was typed;
 * `normaliseDraft` keeps the chosen type's fields only.
 */
export interface DraftForm {
  applicationId: string;
  application: Omit<IndividualContent, 'licenseType'> & GeneralFields & { licenseType: LicenseType };
}
export type DraftBody = z.input<typeof DraftApplicationData>;
export type DraftCommand = z.output<typeof DraftApplicationData>;
type Item = IndividualContent['items'][number];
export type Party = IndividualContent['consignee'];

/** The API validates drafts with this schema; the form validates with the very same one. */
export const draftSchema = DraftApplicationData;
export { PreCheckRequest as preCheckSchema };

export function emptyItem(lineId: string): Item {
  return {
    lineId,
    controlCode: '',
    element: '',
    form: 'metal',
    description: '',
    hsCode: '',
    quantity: { amount: undefined as unknown as number, unit: 'kg' },
    value: { amount: undefined as unknown as number, currency: 'USD' },
  };
}

export function emptyParty(): Party {
  return { name: '', country: '', militaryUser: false, listed: false, ownedByListedPartiesPercent: 0 };
}

/** A fresh id: the day and a random tail, so two drafts of one day do not collide. */
export function newApplicationId(today = new Date()): string {
  const day = today.toISOString().slice(0, 10).replaceAll('-', '');
  return `app-${day}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyDraft(exporterId: string): DraftForm {
  return {
    applicationId: newApplicationId(),
    application: {
      licenseType: 'individual',
      exporterId,
      items: [emptyItem('1')],
      consignee: emptyParty(),
      endUser: emptyParty(),
      endUse: { category: 'civil', description: '' },
      destination: '',
      contractRef: '',
      endUserCertificateRef: '',
      endUseCertificateRef: '',
      ...emptyGeneralFields(),
    },
  };
}

/**
 * The body the form stands for. Empty optional inputs mean "not given": the
 * schemas bound optional text to at least one character, so '' must become
 * absent before they look. Line ids follow the lines' order. Only a general
 * license carries the general fields.
 */
export function normaliseDraft(values: DraftForm): DraftBody {
  const {
    chineseRareEarthValueSharePercent: share,
    licenseType,
    additionalEndUsers,
    complianceSystem,
    pastLicenseUse,
    ...common
  } = values.application;
  const application = {
    ...common,
    ...(share === undefined || share === null || Number.isNaN(share)
      ? {}
      : { chineseRareEarthValueSharePercent: share }),
    items: common.items.map(({ element, hsCode, ...item }, index) => ({
      ...item,
      lineId: String(index + 1),
      ...(element ? { element } : {}),
      ...(hsCode ? { hsCode } : {}),
    })),
  };
  return {
    applicationId: values.applicationId.trim(),
    application:
      licenseType === 'general'
        ? { licenseType, ...application, ...generalContent({ additionalEndUsers, complianceSystem, pastLicenseUse }) }
        : { licenseType, ...application },
  };
}

/**
 * The input an issue is shown under, from its dotted path: the license
 * references are one text area, so an issue about the n-th is shown there.
 */
export function formFieldOf(field: string): string {
  return field.replace(/^(application\.pastLicenseUse\.licenseRefs)\.\d+$/, '$1');
}

/** The pre-check asks about the same proposed export, every end user of a general license included. */
export function preCheckBody(command: DraftCommand, validOn: string): z.input<typeof PreCheckRequest> {
  const application = command.application;
  const share = application.chineseRareEarthValueSharePercent;
  return {
    exporterId: application.exporterId,
    licenseType: application.licenseType,
    items: application.items,
    consignee: application.consignee,
    endUser: application.endUser,
    ...(application.licenseType === 'general' ? { additionalEndUsers: application.additionalEndUsers } : {}),
    endUse: application.endUse,
    destination: application.destination,
    ...(share === undefined ? {} : { chineseRareEarthValueSharePercent: share }),
    ...(validOn ? { validOn } : {}),
  };
}
