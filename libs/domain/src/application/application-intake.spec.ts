import { deciderSpec } from '../testing/decider-spec';
import { ApplicationCommand } from './application-commands';
import { ApplicationContent } from './application-content';
import { applicationDecider } from './application-decider';
import { applicationStreamId } from './application-events';
import {
  accepted,
  aGeneralApplication,
  anIndividualApplication,
  APPLICATION_ID,
  documentsRequested,
  drafted,
  reviewedHistory,
  submitted,
} from './application.fixtures';
import { anItem, meta } from './fixtures';

const spec = deciderSpec(applicationDecider);
const id = { applicationId: APPLICATION_ID };
const officer = (at = '2026-01-07') => meta({ at, actor: 'licensing_officer' });

const draft = (application: ApplicationContent = anIndividualApplication()): ApplicationCommand => ({
  type: 'DraftApplication',
  data: { ...id, application },
  metadata: meta({ at: '2026-01-05' }),
});
const submit: ApplicationCommand = { type: 'SubmitApplication', data: id, metadata: meta({ at: '2026-01-06' }) };
const accept = (holidays?: string[]): ApplicationCommand => ({
  type: 'AcceptApplication',
  data: { ...id, ...(holidays ? { holidays } : {}) },
  metadata: officer(),
});
const requestDocuments: ApplicationCommand = {
  type: 'RequestDocuments',
  data: { ...id, documents: ['end-user certificate (signed original)'], reason: 'The copy is unsigned' },
  metadata: officer('2026-01-08'),
};
const supply = (name = 'end-user certificate (signed original)'): ApplicationCommand => ({
  type: 'SupplyDocuments',
  data: { ...id, documents: [{ name, ref: 'DOC-77' }] },
  metadata: meta({ at: '2026-01-09' }),
});
const withdraw: ApplicationCommand = {
  type: 'WithdrawApplication',
  data: { ...id, reason: 'Contract cancelled' },
  metadata: meta({ at: '2026-01-10' }),
};

describe('application intake', () => {
  it('names the stream application-<id>', () => {
    expect(applicationStreamId('app-1')).toBe('application-app-1');
  });

  describe('DraftApplication', () => {
    it('drafts an individual application', () => {
      spec.given([]).when(draft()).then([drafted()]);
    });

    it('drafts a general application naming several end users and its compliance system', () => {
      spec.given([]).when(draft(aGeneralApplication())).then([drafted(aGeneralApplication())]);
    });

    it('refuses to draft the same application twice', () => {
      spec.given([drafted()]).when(draft()).thenThrows('application.already_drafted', /already exists/);
    });

    it('refuses two item lines with the same id', () => {
      spec
        .given([])
        .when(draft(anIndividualApplication({ items: [anItem(), anItem()] })))
        .thenThrows('application.duplicate_line', /line 1 appears more than once/);
    });

    it('refuses a licensing officer drafting for the exporter', () => {
      spec
        .given([])
        .when({ ...draft(), metadata: officer() })
        .thenThrows('application.forbidden', /licensing_officer may not draft/);
    });
  });

  describe('ReviseDraft', () => {
    const revised = anIndividualApplication({ contractRef: 'CT-2026-002' });
    const revise: ApplicationCommand = { type: 'ReviseDraft', data: { ...id, application: revised }, metadata: meta({ at: '2026-01-05' }) };

    it('replaces the draft content', () => {
      spec
        .given([drafted()])
        .when(revise)
        .then([{ type: 'ApplicationDraftRevised', schemaVersion: 1, data: { ...id, application: revised, revisedOn: '2026-01-05' } }]);
    });

    it('refuses editing after submission', () => {
      spec.given([drafted(), submitted()]).when(revise).thenThrows('application.not_editable', /can no longer be edited/);
    });

    it('refuses revising an application that was never drafted', () => {
      spec.given([]).when(revise).thenThrows('application.not_found');
    });
  });

  describe('SubmitApplication', () => {
    it('submits a draft', () => {
      spec.given([drafted()]).when(submit).then([submitted()]);
    });

    it('refuses submitting twice', () => {
      spec.given([drafted(), submitted()]).when(submit).thenThrows('application.already_submitted', /already been submitted/);
    });

    it('refuses a reviewer submitting', () => {
      spec.given([drafted()]).when({ ...submit, metadata: meta({ actor: 'reviewer' }) }).thenThrows('application.forbidden');
    });
  });

  describe('AcceptApplication', () => {
    it('starts the review clock with a deadline 45 working days after acceptance', () => {
      spec.given([drafted(), submitted()]).when(accept()).then([accepted]);
    });

    it('skips the public holidays the handler passes in', () => {
      spec
        .given([drafted(), submitted()])
        .when(accept(['2026-02-16', '2026-02-17']))
        .then([
          {
            type: 'ApplicationAccepted',
            schemaVersion: 1,
            data: { ...id, acceptedOn: '2026-01-07', reviewWorkingDays: 45, reviewDeadline: '2026-03-13' },
          },
        ]);
    });

    it('refuses accepting while requested documents are outstanding', () => {
      spec
        .given([drafted(), submitted(), documentsRequested])
        .when(accept())
        .thenThrows('application.documents_outstanding', /still lacks the documents/);
    });

    it('refuses accepting a draft', () => {
      spec.given([drafted()]).when(accept()).thenThrows('application.not_submitted');
    });

    it('refuses an exporter accepting its own application', () => {
      spec.given([drafted(), submitted()]).when({ ...accept(), metadata: meta() }).thenThrows('application.forbidden');
    });
  });

  describe('RequestDocuments and SupplyDocuments', () => {
    it('requests documents during review', () => {
      spec.given([drafted(), submitted(), accepted]).when(requestDocuments).then([documentsRequested]);
    });

    it('refuses a second request while the first is outstanding', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(requestDocuments)
        .thenThrows('application.documents_already_requested');
    });

    it('refuses a reviewer requesting documents', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when({ ...requestDocuments, metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('application.forbidden');
    });

    it('records the documents the exporter supplies', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(supply())
        .then([
          {
            type: 'DocumentsSupplied',
            schemaVersion: 1,
            data: { ...id, documents: [{ name: 'end-user certificate (signed original)', ref: 'DOC-77' }], suppliedOn: '2026-01-09' },
          },
        ]);
    });

    it('refuses supplying documents when none were requested', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when(supply())
        .thenThrows('application.no_documents_requested', /nothing to supply/);
    });

    it('refuses a supply that leaves a requested document out', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(supply('invoice'))
        .thenThrows('application.documents_incomplete', /end-user certificate \(signed original\)/);
    });

    it('refuses a licensing officer supplying documents', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when({ ...supply(), metadata: officer() })
        .thenThrows('application.forbidden');
    });
  });

  describe('WithdrawApplication', () => {
    it('withdraws an application under review', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when(withdraw)
        .then([{ type: 'ApplicationWithdrawn', schemaVersion: 1, data: { ...id, withdrawnOn: '2026-01-10', reason: 'Contract cancelled' } }]);
    });

    it('refuses withdrawing a decided application', () => {
      spec
        .given([
          ...reviewedHistory(),
          {
            type: 'ApplicationRejected',
            schemaVersion: 1,
            data: { ...id, exporterId: 'exp-1', approverId: 'officer-1', rejectedOn: '2026-01-20', decision: null, reasons: ['x'] },
          },
        ])
        .when(withdraw)
        .thenThrows('application.already_decided', /was rejected on 2026-01-20/);
    });

    it('refuses withdrawing twice', () => {
      spec
        .given([drafted(), { type: 'ApplicationWithdrawn', schemaVersion: 1, data: { ...id, withdrawnOn: '2026-01-05', reason: null } }])
        .when(withdraw)
        .thenThrows('application.withdrawn', /was withdrawn on 2026-01-05/);
    });

    it('refuses a licensing officer withdrawing for the exporter', () => {
      spec.given([drafted()]).when({ ...withdraw, metadata: officer() }).thenThrows('application.forbidden');
    });
  });
});
