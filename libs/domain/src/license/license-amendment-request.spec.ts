import { deciderSpec } from '../testing/decider-spec';
import { aDecisionRecord, anIndividualApplication } from '../application/application.fixtures';
import { aParty, meta } from '../application/fixtures';
import { fold } from '../shared/decider';
import { Actor, Role } from '../shared/metadata';
import { amendedLicenseForEvaluation } from './license-amendment-evaluation';
import { LicenseCommand } from './license-commands';
import { licenseDecider } from './license-decider';
import { LicenseEvent } from './license-events';
import {
  AMENDMENT_REQUEST_ID,
  amendmentRequested,
  amendmentReviewed,
  amendmentReviewerAssigned,
  endUsers,
  issued,
  LICENSE_ID,
  revoked,
  reviewedAmendmentHistory,
  shipped,
} from './license.fixtures';

const spec = deciderSpec(licenseDecider);
const id = { licenseId: LICENSE_ID, amendmentRequestId: AMENDMENT_REQUEST_ID };
const by = (actor: Role | Actor, at: string) => meta({ at, actor });

const request = (changes: object, at = '2026-03-01'): LicenseCommand => ({
  type: 'RequestAmendment',
  data: { ...id, changes, reason: 'Contract volume increased' },
  metadata: by('exporter', at),
});
const assign = (reviewerId = 'reviewer-1'): LicenseCommand => ({
  type: 'AssignAmendmentReviewer',
  data: { ...id, reviewerId },
  metadata: by('licensing_officer', '2026-03-02'),
});
const review = (reviewer: Actor = { id: 'reviewer-1', role: 'reviewer' }): LicenseCommand => ({
  type: 'CompleteAmendmentReview',
  data: { ...id, recommendation: 'approve', notes: 'Contract seen' },
  metadata: by(reviewer, '2026-03-03'),
});
const approve = (approver: Actor = { id: 'officer-2', role: 'licensing_officer' }, decision = aDecisionRecord()) =>
  ({
    type: 'ApproveAmendment',
    data: { ...id, decision },
    metadata: by(approver, '2026-03-04'),
  }) satisfies LicenseCommand;
const reject = (approver: Actor = { id: 'officer-2', role: 'licensing_officer' }): LicenseCommand => ({
  type: 'RejectAmendment',
  data: { ...id, reasons: ['Volume not justified by the contract'] },
  metadata: by(approver, '2026-03-04'),
});

function requested() {
  return { quantities: [{ lineId: '1', quantity: 150 }] };
}

describe('RequestAmendment', () => {
  it('records what the exporter asks to change, by whom and why', () => {
    spec
      .given([issued()])
      .when(request({ quantities: [{ lineId: '1', quantity: 150 }] }))
      .then([amendmentRequested()]);
  });

  it('refuses a request the amendment rules would refuse anyway, at once', () => {
    const given = spec.given([issued(), shipped('s1', [{ lineId: '1', quantity: 60 }], [])]);
    given.when(request({})).thenThrows('license.amendment_empty');
    given.when(request({ quantities: [{ lineId: '1', quantity: 50 }] })).thenThrows('license.quantity_below_shipped');
    given.when(request({ validUntil: '2027-06-30' })).thenThrows('license.validity_too_long');
    given.when(request({ quantities: [{ lineId: '9', quantity: 5 }] })).thenThrows('license.unknown_line');
  });

  it('keeps one request open at a time, and an id once', () => {
    spec
      .given([issued(), amendmentRequested()])
      .when(request({ validUntil: '2026-11-30' }))
      .thenThrows('license.duplicate_amendment_request');
    const other = {
      type: 'RequestAmendment',
      data: { licenseId: LICENSE_ID, amendmentRequestId: 'amd-2', changes: { validUntil: '2026-11-30' }, reason: 'x' },
      metadata: by('exporter', '2026-03-02'),
    } as LicenseCommand;
    spec.given([issued(), amendmentRequested()]).when(other).thenThrows('license.amendment_request_open');
  });

  it('refuses a request on a revoked license, and from anyone but an exporter', () => {
    spec.given([issued(), revoked]).when(request(requested())).thenThrows('license.illegal_transition');
    const fromOfficer = { ...request(requested()), metadata: by('licensing_officer', '2026-03-01') } as LicenseCommand;
    spec.given([issued()]).when(fromOfficer).thenThrows('license.forbidden');
  });
});

describe('the review of an amendment request', () => {
  it('assigns a reviewer, and the assigned reviewer completes the review', () => {
    spec.given([issued(), amendmentRequested()]).when(assign()).then([amendmentReviewerAssigned()]);
    spec
      .given([issued(), amendmentRequested(), amendmentReviewerAssigned()])
      .when(review())
      .then([amendmentReviewed()]);
  });

  it('refuses a review by a reviewer not assigned, and before anyone is assigned', () => {
    spec
      .given([issued(), amendmentRequested(), amendmentReviewerAssigned()])
      .when(review({ id: 'reviewer-9', role: 'reviewer' }))
      .thenThrows('license.not_assigned_reviewer');
    spec.given([issued(), amendmentRequested()]).when(review()).thenThrows('license.amendment_request_unassigned');
  });

  it('refuses a request id the license does not have', () => {
    spec.given([issued()]).when(assign()).thenThrows('license.unknown_amendment_request');
  });
});

describe('ApproveAmendment', () => {
  const approvedEvents = (decision = aDecisionRecord()): LicenseEvent[] => [
    {
      type: 'AmendmentApproved',
      schemaVersion: 1,
      data: { ...id, approverId: 'officer-2', approvedOn: '2026-03-04', decision },
    },
    {
      type: 'LicenseAmended',
      schemaVersion: 1,
      data: {
        licenseId: LICENSE_ID,
        reason: 'Contract volume increased',
        amendedOn: '2026-03-04',
        validUntil: '2026-12-31',
        endUsers,
        licensed: [
          { lineId: '1', quantity: 150 },
          { lineId: '2', quantity: 40 },
        ],
        remaining: [
          { lineId: '1', quantity: 150 },
          { lineId: '2', quantity: 40 },
        ],
        amendmentRequestId: AMENDMENT_REQUEST_ID,
      },
    },
  ];

  it('records the decision and applies the amendment to the license in the same append', () => {
    spec.given(reviewedAmendmentHistory()).when(approve()).then(approvedEvents());
  });

  it('leaves the license amended and the request approved with its record', () => {
    const state = fold(licenseDecider, [...reviewedAmendmentHistory(), ...approvedEvents()]);
    if (state.status === 'none') throw new Error('not issued');
    expect(state.license.lines[0]?.item.quantity.amount).toBe(150);
    expect(state.license.amendmentRequests).toEqual([
      expect.objectContaining({
        amendmentRequestId: AMENDMENT_REQUEST_ID,
        status: 'approved',
        reviewerId: 'reviewer-1',
        decision: expect.objectContaining({ outcome: 'approved', approverId: 'officer-2', record: aDecisionRecord() }),
      }),
    ]);
  });

  it('refuses the reviewer deciding their own review (four eyes), either way', () => {
    const reviewerAsOfficer = { id: 'reviewer-1', role: 'licensing_officer' } as const;
    spec.given(reviewedAmendmentHistory()).when(approve(reviewerAsOfficer)).thenThrows('license.four_eyes');
    spec.given(reviewedAmendmentHistory()).when(reject(reviewerAsOfficer)).thenThrows('license.four_eyes');
  });

  it('refuses an approval before the review is completed, and twice', () => {
    spec
      .given([issued(), amendmentRequested(), amendmentReviewerAssigned()])
      .when(approve())
      .thenThrows('license.amendment_request_under_review');
    spec
      .given([...reviewedAmendmentHistory(), ...approvedEvents()])
      .when(approve())
      .thenThrows('license.amendment_request_approved');
  });

  it('refuses when the rules deny the export as amended, or the record is for another case', () => {
    spec
      .given(reviewedAmendmentHistory())
      .when(approve(undefined, aDecisionRecord({ verdict: 'deny', reasons: ['Military end user'] })))
      .thenThrows('license.amendment_denied_by_rules');
    spec
      .given(reviewedAmendmentHistory())
      .when(approve(undefined, aDecisionRecord({ applicationId: 'app-9' })))
      .thenThrows('license.decision_mismatch');
  });

  it('re-checks the amendment on the license as it is now: revoked meanwhile, it cannot apply', () => {
    spec
      .given([...reviewedAmendmentHistory(), revoked])
      .when(approve())
      .thenThrows('license.illegal_transition');
  });
});

describe('RejectAmendment', () => {
  it('closes the request with the reasons and changes nothing on the license, also on a revoked one', () => {
    const rejected: LicenseEvent = {
      type: 'AmendmentRejected',
      schemaVersion: 1,
      data: {
        ...id,
        approverId: 'officer-2',
        rejectedOn: '2026-03-04',
        reasons: ['Volume not justified by the contract'],
        decision: null,
      },
    };
    spec.given(reviewedAmendmentHistory()).when(reject()).then([rejected]);
    spec
      .given([...reviewedAmendmentHistory(), revoked])
      .when(reject())
      .then([rejected]);
    spec
      .given([...reviewedAmendmentHistory(), rejected])
      .when(reject())
      .thenThrows('license.amendment_request_rejected');
  });
});

describe('amendedLicenseForEvaluation', () => {
  it('evaluates the license as amended: its lines with the new quantities, every end user, the application parties', () => {
    const license = fold(licenseDecider, [issued()]);
    if (license.status === 'none') throw new Error('not issued');
    const second = aParty({ name: 'Lyon Moteurs SA', country: 'FR' });
    const inputs = amendedLicenseForEvaluation(anIndividualApplication(), license.license, {
      quantities: [{ lineId: '1', quantity: 150 }],
      endUsers: [...endUsers, second],
    });
    expect(inputs.map((input) => input.endUser.name)).toEqual(['Stuttgart Motors GmbH', 'Lyon Moteurs SA']);
    expect(inputs[0]?.items.map((item) => [item.lineId, item.quantity.amount])).toEqual([
      ['1', 150],
      ['2', 40],
    ]);
    expect(inputs[0]).toMatchObject({ applicationId: 'app-1', destination: 'DE', licenseType: 'individual' });
  });
});
