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

describe('application intake', () => {
  it('names the stream application-<id>', () => {
    expect(applicationStreamId('app-1')).toBe('application-app-1');
  });

  describe('DraftApplication', () => {
    it('drafts an individual application', () => {
      spec.given([]).when(draft()).then([drafted()]);
    });

    it('drafts a general application naming several end users and its compliance system', () => {
      spec
        .given([])
        .when(draft(aGeneralApplication()))
        .then([drafted(aGeneralApplication())]);
    });

    it('refuses to draft the same application twice', () => {
      spec
        .given([drafted()])
        .when(draft())
        .thenThrows('application.already_drafted', /already exists/);
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
    const revise: ApplicationCommand = {
      type: 'ReviseDraft',
      data: { ...id, application: revised },
      metadata: meta({ at: '2026-01-05' }),
    };

    it('replaces the draft content', () => {
      spec
        .given([drafted()])
        .when(revise)
        .then([
          {
            type: 'ApplicationDraftRevised',
            schemaVersion: 1,
            data: { ...id, application: revised, revisedOn: '2026-01-05' },
          },
        ]);
    });

    it('refuses editing after submission', () => {
      spec
        .given([drafted(), submitted()])
        .when(revise)
        .thenThrows('application.not_editable', /can no longer be edited/);
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
      spec
        .given([drafted(), submitted()])
        .when(submit)
        .thenThrows('application.already_submitted', /already been submitted/);
    });

    it('refuses a reviewer submitting', () => {
      spec
        .given([drafted()])
        .when({ ...submit, metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('application.forbidden');
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
      spec
        .given([drafted(), submitted()])
        .when({ ...accept(), metadata: meta() })
        .thenThrows('application.forbidden');
    });
  });
});
