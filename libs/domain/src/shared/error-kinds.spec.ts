import {
  aDecisionRecord,
  accepted,
  drafted,
  reviewedHistory,
  reviewerAssigned,
  submitted,
} from '../application/application.fixtures';
import { meta } from '../application/fixtures';
import { ApplicationCommand } from '../application/application-commands';
import { applicationDecider } from '../application/application-decider';
import { ApplicationEvent } from '../application/application-events';
import { LicenseCommand } from '../license/license-commands';
import { licenseDecider } from '../license/license-decider';
import { issued, LICENSE_ID } from '../license/license.fixtures';
import { type Decider, fold } from './decider';
import { DomainError } from './errors';

// The kind, not the code, decides how a refusal reads to a caller (HTTP
// status included), so the refusals whose code does not say it are pinned here.
function refusal<C, E, S>(decider: Decider<C, E, S>, history: E[], command: C) {
  try {
    decider.decide(command, fold(decider, history));
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('The command was accepted');
}

const application = (history: ApplicationEvent[], command: ApplicationCommand) =>
  refusal(applicationDecider, history, command);
const applicationId = 'app-1';

describe('refusal kinds', () => {
  it('a reviewer who is not the assigned one, and the four-eyes rule, are forbidden: another person may', () => {
    const complete: ApplicationCommand = {
      type: 'CompleteReview',
      data: { applicationId, recommendation: 'approve', notes: '' },
      metadata: meta({ at: '2026-01-19', actor: { id: 'reviewer-9', role: 'reviewer' } }),
    };
    expect(application([drafted(), submitted(), accepted, reviewerAssigned()], complete)).toEqual({
      code: 'application.not_assigned_reviewer',
      kind: 'forbidden',
    });
    const approve: ApplicationCommand = {
      type: 'ApproveApplication',
      data: { applicationId, decision: aDecisionRecord() },
      metadata: meta({ at: '2026-01-20', actor: { id: 'reviewer-1', role: 'licensing_officer' } }),
    };
    expect(application(reviewedHistory(), approve)).toEqual({ code: 'application.four_eyes', kind: 'forbidden' });
  });

  it('a command on an aggregate with no history is not found', () => {
    const submit: ApplicationCommand = { type: 'SubmitApplication', data: { applicationId }, metadata: meta() };
    expect(application([], submit)).toEqual({ code: 'application.not_found', kind: 'not_found' });
    const suspend: LicenseCommand = {
      type: 'SuspendLicense',
      data: { licenseId: LICENSE_ID, reason: 'x' },
      metadata: meta({ actor: 'licensing_officer' }),
    };
    expect(refusal(licenseDecider, [], suspend)).toEqual({ code: 'license.not_found', kind: 'not_found' });
  });

  it('an illegal transition is a conflict, and a broken rule is rule_broken', () => {
    const complete: ApplicationCommand = {
      type: 'CompleteReview',
      data: { applicationId, recommendation: 'approve', notes: '' },
      metadata: meta({ at: '2026-01-19', actor: 'reviewer' }),
    };
    expect(application(reviewedHistory(), complete)).toEqual({
      code: 'application.illegal_transition',
      kind: 'conflict',
    });
    const ship: LicenseCommand = {
      type: 'RecordShipment',
      data: {
        licenseId: LICENSE_ID,
        shipmentId: 's1',
        lines: [{ lineId: '1', quantity: 101 }],
        customsDeclarationRef: 'CD-1',
      },
      metadata: meta({ at: '2026-02-01' }),
    };
    expect(refusal(licenseDecider, [issued()], ship)).toEqual({
      code: 'license.quantity_exceeded',
      kind: 'rule_broken',
    });
  });
});
