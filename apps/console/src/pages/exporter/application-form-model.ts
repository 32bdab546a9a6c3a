import { type ApplicationContentInput, DraftApplicationData, PreCheckRequest } from '@licensing/domain';
import type { z } from 'zod';

/** What the form edits: exactly the body of `POST /applications` for an individual license. */
type IndividualContent = Extract<z.input<typeof ApplicationContentInput>, { licenseType: 'individual' }>;
export interface DraftForm {
  applicationId: string;
  application: IndividualContent;
}
export type DraftCommand = z.output<typeof DraftApplicationData>;
type Item = IndividualContent['items'][number];
type Party = IndividualContent['consignee'];

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

function emptyParty(): Party {
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
    },
  };
}

/**
 * Empty optional inputs mean "not given": the schemas bound optional text
 * to at least one character, so '' must become absent before they look.
 * Line ids follow the lines' order.
 */
export function normaliseDraft(values: DraftForm): DraftForm {
  const { chineseRareEarthValueSharePercent: share, ...application } = values.application;
  return {
    applicationId: values.applicationId.trim(),
    application: {
      ...application,
      ...(share === undefined || share === null || Number.isNaN(share)
        ? {}
        : { chineseRareEarthValueSharePercent: share }),
      items: application.items.map(({ element, hsCode, ...item }, index) => ({
        ...item,
        lineId: String(index + 1),
        ...(element ? { element } : {}),
        ...(hsCode ? { hsCode } : {}),
      })),
    },
  };
}

/** The pre-check asks about the same proposed export, at an optional legal date. */
export function preCheckBody(command: DraftCommand, validOn: string): z.input<typeof PreCheckRequest> {
  const application = command.application;
  const share = application.chineseRareEarthValueSharePercent;
  return {
    exporterId: application.exporterId,
    licenseType: 'individual',
    items: application.items,
    consignee: application.consignee,
    endUser: application.endUser,
    endUse: application.endUse,
    destination: application.destination,
    ...(share === undefined ? {} : { chineseRareEarthValueSharePercent: share }),
    ...(validOn ? { validOn } : {}),
  };
}
