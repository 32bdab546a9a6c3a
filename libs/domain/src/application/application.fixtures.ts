import { DecisionRecord } from '../rules/decision-record';
import { ApplicationContent, GeneralApplicationContent, IndividualApplicationContent } from './application-content';
import { ApplicationEvent } from './application-events';
import { anItem, aParty } from './fixtures';

export const APPLICATION_ID = 'app-1';

export function anIndividualApplication(
  overrides: Partial<IndividualApplicationContent> = {},
): IndividualApplicationContent {
  return {
    licenseType: 'individual',
    exporterId: 'exp-1',
    items: [anItem()],
    consignee: aParty({ name: 'Hamburg Import GmbH' }),
    endUser: aParty(),
    endUse: { category: 'civil', description: 'Traction motors for electric vehicles' },
    destination: 'DE',
    contractRef: 'CT-2026-001',
    endUserCertificateRef: 'EUC-2026-001',
    endUseCertificateRef: 'EUSE-2026-001',
    ...overrides,
  };
}

export function aGeneralApplication(overrides: Partial<GeneralApplicationContent> = {}): GeneralApplicationContent {
  return {
    ...anIndividualApplication(),
    licenseType: 'general',
    additionalEndUsers: [aParty({ name: 'Lyon Moteurs SA', country: 'FR' })],
    complianceSystem: { description: 'ICP certified by MOFCOM', certificateRef: 'ICP-2025-0042' },
    pastLicenseUse: {
      summary: '12 individual licenses since 2023, all shipped as licensed',
      licenseRefs: ['L-2024-7'],
    },
    ...overrides,
  };
}

export function aDecisionRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    evaluatorVersion: 1,
    applicationId: APPLICATION_ID,
    validOn: '2026-01-20',
    knownAt: '2026-01-20T02:00:00.000Z',
    inputs: {
      application: {
        applicationId: APPLICATION_ID,
        exporterId: 'exp-1',
        licenseType: 'individual',
        items: [anItem()],
        consignee: aParty({ name: 'Hamburg Import GmbH' }),
        endUser: aParty(),
        endUse: { category: 'civil', description: 'Traction motors for electric vehicles' },
        destination: 'DE',
      },
      exporter: {
        exporterId: 'exp-1',
        complianceProgrammeCertified: true,
        dualUseExportYears: 5,
        licensedExportsLastThreeYears: 12,
        penalisedWithinThreeYears: false,
        qualifiedForGeneralLicense: true,
      },
    },
    measures: [
      {
        measureId: 'mofcom-2025-18',
        version: 1,
        title: 'Announcement No. 18 of 2025',
        status: 'in_force',
        applies: true,
      },
    ],
    outcomes: [
      {
        rule: 'item_controlled',
        measureId: 'mofcom-2025-18',
        outcome: 'license_required',
        reason: '1C902.a is controlled',
      },
    ],
    licenseRequired: true,
    denialGrounds: [],
    caseByCaseReview: [],
    generalLicense: { requested: false, eligible: false, reasons: [] },
    verdict: 'license_required',
    reasons: ['1C902.a is controlled by Announcement No. 18 of 2025; a license may be granted'],
    ...overrides,
  };
}

/** Event builders: the history a spec starts from, stage by stage. */
export const drafted = (application: ApplicationContent = anIndividualApplication()): ApplicationEvent => ({
  type: 'ApplicationDrafted',
  schemaVersion: 1,
  data: { applicationId: APPLICATION_ID, application, draftedOn: '2026-01-05' },
});

export const submitted = (application: ApplicationContent = anIndividualApplication()): ApplicationEvent => ({
  type: 'ApplicationSubmitted',
  schemaVersion: 1,
  data: {
    applicationId: APPLICATION_ID,
    exporterId: application.exporterId,
    licenseType: application.licenseType,
    submittedOn: '2026-01-06',
  },
});

/** Accepted on Wednesday 2026-01-07; 45 working days later is 2026-03-11. */
export const accepted: ApplicationEvent = {
  type: 'ApplicationAccepted',
  schemaVersion: 1,
  data: {
    applicationId: APPLICATION_ID,
    acceptedOn: '2026-01-07',
    reviewWorkingDays: 45,
    reviewDeadline: '2026-03-11',
  },
};

export const documentsRequested: ApplicationEvent = {
  type: 'DocumentsRequested',
  schemaVersion: 1,
  data: {
    applicationId: APPLICATION_ID,
    documents: ['end-user certificate (signed original)'],
    reason: 'The copy is unsigned',
    requestedOn: '2026-01-08',
  },
};

export const reviewerAssigned = (reviewerId = 'reviewer-1'): ApplicationEvent => ({
  type: 'ReviewerAssigned',
  schemaVersion: 1,
  data: { applicationId: APPLICATION_ID, reviewerId, assignedOn: '2026-01-08' },
});

export const reviewCompleted = (reviewerId = 'reviewer-1'): ApplicationEvent => ({
  type: 'ReviewCompleted',
  schemaVersion: 1,
  data: {
    applicationId: APPLICATION_ID,
    reviewerId,
    recommendation: 'approve',
    notes: 'End user verified',
    completedOn: '2026-01-19',
  },
});

/** The history of an application ready for a decision. */
export const reviewedHistory = (application: ApplicationContent = anIndividualApplication()): ApplicationEvent[] => [
  drafted(application),
  submitted(application),
  accepted,
  reviewerAssigned(),
  reviewCompleted(),
];
