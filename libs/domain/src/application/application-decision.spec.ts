import { deciderSpec } from '../testing/decider-spec';
import { DecisionRecord } from '../rules/decision-record';
import { ApplicationCommand } from './application-commands';
import { applicationDecider } from './application-decider';
import { ApplicationEvent } from './application-events';
import {
  aDecisionRecord,
  accepted,
  aGeneralApplication,
  APPLICATION_ID,
  drafted,
  reviewedHistory,
  reviewerAssigned,
  submitted,
} from './application.fixtures';
import { meta } from './fixtures';

const spec = deciderSpec(applicationDecider);
const id = { applicationId: APPLICATION_ID };
const officer = (officerId = 'officer-1') =>
  meta({ at: '2026-01-20', actor: { id: officerId, role: 'licensing_officer' } });

const approve = (decision: DecisionRecord = aDecisionRecord(), officerId?: string): ApplicationCommand => ({
  type: 'ApproveApplication',
  data: { ...id, decision },
  metadata: officer(officerId),
});
const reject = (data: { decision?: DecisionRecord; reasons?: string[] }, officerId?: string): ApplicationCommand => ({
  type: 'RejectApplication',
  data: { ...id, reasons: [], ...data },
  metadata: officer(officerId),
});
const approved = (
  decision: DecisionRecord,
  licenseType: 'individual' | 'general' = 'individual',
): ApplicationEvent => ({
  type: 'ApplicationApproved',
  schemaVersion: 1,
  data: { ...id, exporterId: 'exp-1', licenseType, approverId: 'officer-1', approvedOn: '2026-01-20', decision },
});

const denial = aDecisionRecord({
  verdict: 'deny',
  denialGrounds: [
    { ground: 'military_end_user', measureId: 'mofcom-2025-61', reason: 'End user is a foreign military user' },
  ],
  reasons: ['End user is a foreign military user'],
});

describe('application decision', () => {
  describe('ApproveApplication', () => {
    it('approves a reviewed application and records the decision and approver', () => {
      spec
        .given(reviewedHistory())
        .when(approve())
        .then([approved(aDecisionRecord())]);
    });

    it('approves a general license when the record finds the exporter eligible', () => {
      const decision = aDecisionRecord({
        generalLicense: { requested: true, eligible: true, reasons: ['All conditions met'] },
      });
      spec
        .given(reviewedHistory(aGeneralApplication()))
        .when(approve(decision))
        .then([approved(decision, 'general')]);
    });

    it('refuses approving an application that was never accepted', () => {
      spec.given([drafted(), submitted()]).when(approve()).thenThrows('application.not_accepted');
    });

    it('refuses approving before the review is completed', () => {
      spec
        .given([drafted(), submitted(), accepted, reviewerAssigned()])
        .when(approve())
        .thenThrows('application.review_not_completed', /review .* is not completed/);
    });

    it('refuses a decision record made for another application', () => {
      spec
        .given(reviewedHistory())
        .when(approve(aDecisionRecord({ applicationId: 'app-9' })))
        .thenThrows('application.decision_mismatch', /for application app-9, not app-1/);
    });

    it('refuses approval when the rules deny the export: it must be rejected', () => {
      spec
        .given(reviewedHistory())
        .when(approve(denial))
        .thenThrows('application.decision_denies', /foreign military user.*Reject the application instead/);
    });

    it('refuses approval when no license is needed, and explains why', () => {
      spec
        .given(reviewedHistory())
        .when(approve(aDecisionRecord({ verdict: 'not_controlled', licenseRequired: false })))
        .thenThrows('application.no_license_needed', /No control measure in force on 2026-01-20 controls these items/);
    });

    it('refuses a general license the exporter is not eligible for', () => {
      const decision = aDecisionRecord({
        generalLicense: { requested: true, eligible: false, reasons: ['Penalised within three years'] },
      });
      spec
        .given(reviewedHistory(aGeneralApplication()))
        .when(approve(decision))
        .thenThrows('application.general_license_ineligible', /Penalised within three years/);
    });

    it('refuses a reviewer approving their own review (four eyes)', () => {
      spec
        .given(reviewedHistory())
        .when(approve(aDecisionRecord(), 'reviewer-1'))
        .thenThrows('application.four_eyes', /a reviewer approving their own review/);
    });

    it('refuses anyone but a licensing officer approving', () => {
      spec
        .given(reviewedHistory())
        .when({ ...approve(), metadata: meta({ at: '2026-01-20', actor: 'reviewer' }) })
        .thenThrows('application.forbidden', /only licensing_officer may/);
    });

    it('refuses approving twice', () => {
      spec
        .given([...reviewedHistory(), approved(aDecisionRecord())])
        .when(approve())
        .thenThrows('application.already_decided');
    });
  });

  describe('RejectApplication', () => {
    it('rejects on a denying decision record, taking its reasons', () => {
      spec
        .given(reviewedHistory())
        .when(reject({ decision: denial }))
        .then([
          {
            type: 'ApplicationRejected',
            schemaVersion: 1,
            data: {
              ...id,
              exporterId: 'exp-1',
              approverId: 'officer-1',
              rejectedOn: '2026-01-20',
              decision: denial,
              reasons: ['End user is a foreign military user'],
            },
          },
        ]);
    });

    it('rejects on explicit reasons before the review ends', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when(reject({ reasons: ['End-user certificate could not be verified'] }))
        .then([
          {
            type: 'ApplicationRejected',
            schemaVersion: 1,
            data: {
              ...id,
              exporterId: 'exp-1',
              approverId: 'officer-1',
              rejectedOn: '2026-01-20',
              decision: null,
              reasons: ['End-user certificate could not be verified'],
            },
          },
        ]);
    });

    it('refuses a rejection that gives no reasons', () => {
      spec
        .given(reviewedHistory())
        .when(reject({}))
        .thenThrows('application.rejection_reasons_missing', /must say why/);
    });

    it('refuses a decision record made for another application', () => {
      spec
        .given(reviewedHistory())
        .when(reject({ decision: aDecisionRecord({ applicationId: 'app-9' }) }))
        .thenThrows('application.decision_mismatch');
    });

    it('refuses the reviewer rejecting on their own review', () => {
      spec
        .given(reviewedHistory())
        .when(reject({ reasons: ['x'] }, 'reviewer-1'))
        .thenThrows('application.four_eyes');
    });

    it('refuses rejecting an application that was never accepted', () => {
      spec
        .given([drafted(), submitted()])
        .when(reject({ reasons: ['x'] }))
        .thenThrows('application.not_accepted');
    });

    it('refuses an exporter rejecting', () => {
      spec
        .given(reviewedHistory())
        .when({ ...reject({ reasons: ['x'] }), metadata: meta({ at: '2026-01-20' }) })
        .thenThrows('application.forbidden');
    });
  });
});
