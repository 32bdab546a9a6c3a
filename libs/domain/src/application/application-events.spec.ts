import { ApplicationEvent } from './application-events';
import {
  accepted,
  aDecisionRecord,
  aGeneralApplication,
  APPLICATION_ID,
  documentsRequested,
  drafted,
  reviewCompleted,
  reviewerAssigned,
  submitted,
} from './application.fixtures';

const approved: ApplicationEvent = {
  type: 'ApplicationApproved',
  schemaVersion: 1,
  data: {
    applicationId: APPLICATION_ID,
    exporterId: 'exp-1',
    licenseType: 'individual',
    approverId: 'officer-1',
    approvedOn: '2026-01-20',
    decision: aDecisionRecord(),
  },
};

describe('application event schemas', () => {
  it.each([
    drafted(),
    drafted(aGeneralApplication()),
    submitted(),
    accepted,
    documentsRequested,
    reviewerAssigned(),
    reviewCompleted(),
    approved,
  ])('read $type back from storage unchanged', (event) => {
    expect(ApplicationEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('rejects a general application without its compliance system', () => {
    const { complianceSystem: _missing, ...incomplete } = aGeneralApplication();
    const event = { ...drafted(), data: { ...drafted().data, application: incomplete } };
    expect(ApplicationEvent.safeParse(event).success).toBe(false);
  });
});
