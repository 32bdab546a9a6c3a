import { Actor } from '../shared/metadata';
import { deciderSpec } from '../testing/decider-spec';
import { ApplicationCommand } from './application-commands';
import { applicationDecider } from './application-decider';
import {
  accepted,
  APPLICATION_ID,
  documentsRequested,
  drafted,
  reviewCompleted,
  reviewedHistory,
  reviewerAssigned,
  submitted,
} from './application.fixtures';
import { meta } from './fixtures';

const spec = deciderSpec(applicationDecider);
const id = { applicationId: APPLICATION_ID };
const underReview = [drafted(), submitted(), accepted];

const assign: ApplicationCommand = {
  type: 'AssignReviewer',
  data: { ...id, reviewerId: 'reviewer-1' },
  metadata: meta({ at: '2026-01-08', actor: 'licensing_officer' }),
};
const complete = (actor: Actor = { id: 'reviewer-1', role: 'reviewer' }): ApplicationCommand => ({
  type: 'CompleteReview',
  data: { ...id, recommendation: 'approve', notes: 'End user verified' },
  metadata: meta({ at: '2026-01-19', actor }),
});
const markMissed = (at: string): ApplicationCommand => ({
  type: 'MarkReviewDeadlineMissed',
  data: id,
  metadata: meta({ at, actor: 'system' }),
});

describe('application review', () => {
  describe('AssignReviewer', () => {
    it('assigns a reviewer to an accepted application', () => {
      spec.given(underReview).when(assign).then([reviewerAssigned()]);
    });

    it('reassigns the review to another reviewer before it is completed', () => {
      spec
        .given([...underReview, reviewerAssigned('reviewer-2')])
        .when(assign)
        .then([reviewerAssigned('reviewer-1')]);
    });

    it('refuses assigning a reviewer before acceptance', () => {
      spec
        .given([drafted(), submitted()])
        .when(assign)
        .thenThrows('application.not_accepted', /not been accepted/);
    });

    it('refuses a reviewer assigning themselves', () => {
      spec
        .given(underReview)
        .when({ ...assign, metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('application.forbidden');
    });
  });

  describe('CompleteReview', () => {
    it('records the assigned reviewer’s recommendation', () => {
      spec
        .given([...underReview, reviewerAssigned()])
        .when(complete())
        .then([reviewCompleted()]);
    });

    it('refuses completing a review nobody was assigned', () => {
      spec
        .given(underReview)
        .when(complete())
        .thenThrows('application.no_reviewer_assigned', /must assign one first/);
    });

    it('refuses a reviewer who is not the assigned one', () => {
      spec
        .given([...underReview, reviewerAssigned()])
        .when(complete({ id: 'reviewer-9', role: 'reviewer' }))
        .thenThrows('application.not_assigned_reviewer', /assigned to reviewer reviewer-1, not reviewer-9/);
    });

    it('refuses completing the review while requested documents are outstanding', () => {
      spec
        .given([...underReview, reviewerAssigned(), documentsRequested])
        .when(complete())
        .thenThrows('application.documents_outstanding');
    });

    it('refuses completing a review twice', () => {
      spec
        .given(reviewedHistory())
        .when(complete())
        .thenThrows('application.illegal_transition', /approve or reject/);
    });

    it('refuses a licensing officer completing the review', () => {
      spec
        .given([...underReview, reviewerAssigned()])
        .when(complete({ id: 'officer-1', role: 'licensing_officer' }))
        .thenThrows('application.forbidden', /only reviewer may/);
    });
  });

  describe('MarkReviewDeadlineMissed', () => {
    it('records the missed deadline once the day after it has begun', () => {
      spec
        .given(underReview)
        .when(markMissed('2026-03-12'))
        .then([
          {
            type: 'ReviewDeadlineMissed',
            schemaVersion: 1,
            data: { ...id, deadline: '2026-03-11', detectedOn: '2026-03-12' },
          },
        ]);
    });

    it('uses China time: 23:30 UTC on the deadline is already the next legal day', () => {
      spec
        .given(underReview)
        .when(markMissed('2026-03-11T16:30:00.000Z'))
        .then([
          {
            type: 'ReviewDeadlineMissed',
            schemaVersion: 1,
            data: { ...id, deadline: '2026-03-11', detectedOn: '2026-03-12' },
          },
        ]);
    });

    it('refuses marking the deadline missed on the deadline itself', () => {
      spec
        .given(underReview)
        .when(markMissed('2026-03-11'))
        .thenThrows('application.deadline_not_passed', /deadline is 2026-03-11; on 2026-03-11 it has not passed/);
    });

    it('refuses marking it twice', () => {
      spec
        .given([
          ...underReview,
          {
            type: 'ReviewDeadlineMissed',
            schemaVersion: 1,
            data: { ...id, deadline: '2026-03-11', detectedOn: '2026-03-12' },
          },
        ])
        .when(markMissed('2026-03-13'))
        .thenThrows('application.deadline_already_marked');
    });

    it('refuses marking it after a decision', () => {
      spec
        .given([
          ...reviewedHistory(),
          {
            type: 'ApplicationRejected',
            schemaVersion: 1,
            data: {
              ...id,
              exporterId: 'exp-1',
              approverId: 'officer-1',
              rejectedOn: '2026-01-20',
              decision: null,
              reasons: ['x'],
            },
          },
        ])
        .when(markMissed('2026-03-12'))
        .thenThrows('application.already_decided');
    });

    it('refuses anyone but the system marking it', () => {
      spec
        .given(underReview)
        .when({ ...markMissed('2026-03-12'), metadata: meta({ at: '2026-03-12', actor: 'licensing_officer' }) })
        .thenThrows('application.forbidden', /only system may/);
    });
  });
});
