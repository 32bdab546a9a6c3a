import {
  amendedLicenseForEvaluation,
  type AmendmentChanges,
  applicationDecider,
  applicationFactsForLicense,
  type ApplicationEvent,
  applicationStreamId,
  decisiveDecision,
  evaluate,
  fold,
  licenseDecider,
  licenseStreamId,
} from '@licensing/domain';
import { meta } from '@licensing/domain/testing';
import type { EventStore } from '@licensing/event-store';
import { appendApprovedApplication, EXPORTER_PROFILE, officer, seededPolicyOn } from './approved-application';
import { decidedStream } from './decided-stream';

export interface ApprovedAmendment {
  readonly applicationId?: string;
  readonly amendmentRequestId?: string;
  /** The day the second officer approves; the record evaluates the seeded policy as known then. */
  readonly decidedOn?: string;
}

/**
 * The license of `appendApprovedApplication`'s magnets, issued, then an
 * exporter's request for 100 kg more on line 1, reviewed by reviewer-1 and
 * approved by officer-2 with the evaluation of the license as amended, as
 * the service's DecideAmendment records it, all through the real deciders.
 */
export async function appendApprovedAmendment(
  store: EventStore,
  licenseId: string,
  { applicationId = 'app-1', amendmentRequestId = 'amd-1', decidedOn = '2026-02-10' }: ApprovedAmendment = {},
): Promise<AmendmentChanges> {
  await appendApprovedApplication(store, applicationId);
  const recorded = await store.readStream(applicationStreamId(applicationId));
  const application = fold(
    applicationDecider,
    recorded.map((e) => ({ type: e.type, schemaVersion: e.version, data: e.data }) as ApplicationEvent),
  );
  if (application.status === 'none') throw new Error(`No application ${applicationId} was appended`);
  const facts = applicationFactsForLicense(application);
  const line = facts.items[0]!;
  const changes: AmendmentChanges = {
    quantities: [{ lineId: line.lineId, quantity: line.quantity.amount + 100 }],
  };

  const stream = decidedStream(store, licenseStreamId(licenseId), licenseDecider);
  const ids = { licenseId, amendmentRequestId };
  await stream.run({
    type: 'IssueLicense',
    data: { licenseId, application: facts, validFrom: '2026-01-21', validUntil: '2026-12-31' },
    metadata: officer('2026-01-21'),
  });
  await stream.run({
    type: 'RequestAmendment',
    data: { ...ids, reason: 'Contract volume increased', changes },
    metadata: meta({ at: '2026-02-02', actor: 'exporter' }),
  });
  await stream.run({
    type: 'AssignAmendmentReviewer',
    data: { ...ids, reviewerId: 'reviewer-1' },
    metadata: officer('2026-02-03'),
  });
  await stream.run({
    type: 'CompleteAmendmentReview',
    data: { ...ids, recommendation: 'approve', notes: 'Contract seen' },
    metadata: meta({ at: '2026-02-05', actor: 'reviewer' }),
  });
  const license = stream.state();
  if (license.status === 'none') throw new Error(`License ${licenseId} was not issued`);
  const inputs = amendedLicenseForEvaluation(application.application, license.license, changes);
  const policy = seededPolicyOn(decidedOn);
  const decision = decisiveDecision(inputs.map((input) => evaluate(input, EXPORTER_PROFILE, policy)));
  await stream.run({ type: 'ApproveAmendment', data: { ...ids, decision }, metadata: officer(decidedOn, 'officer-2') });
  return changes;
}
