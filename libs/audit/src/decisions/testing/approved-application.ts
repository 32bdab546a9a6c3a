import {
  applicationDecider,
  applicationForEvaluation,
  applicationStreamId,
  type CommandMetadata,
  evaluate,
  type ExporterProfile,
  policySnapshot,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { anIndividualApplication, meta } from '@licensing/domain/testing';
import type { EventStore } from '@licensing/event-store';
import { decidedStream } from './decided-stream';

export const EXPORTER_PROFILE: ExporterProfile = {
  exporterId: 'exp-1',
  complianceProgrammeCertified: true,
  dualUseExportYears: 5,
  licensedExportsLastThreeYears: 12,
  penalisedWithinThreeYears: false,
  qualifiedForGeneralLicense: false,
};

export const officer = (at: string, who = 'officer-1'): CommandMetadata =>
  meta({ at, actor: { id: who, role: 'licensing_officer' } });

/** The seeded policy as known on `decidedOn` (10:00 China time), for a decision that day. */
export const seededPolicyOn = (decidedOn: string) =>
  policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), {
    validOn: decidedOn,
    knownAt: `${decidedOn}T02:00:00.000Z`,
  });

/**
 * Sm-Co magnet blocks (No. 18 of 2025) drafted, reviewed and approved on
 * `decidedOn` with the real decider, the decision evaluated on the seeded
 * policy as known that day (10:00 China time), each event appended to
 * `application-<id>` as the command runner would.
 */
export async function appendApprovedApplication(
  store: EventStore,
  applicationId: string,
  decidedOn = '2026-01-20',
): Promise<void> {
  const stream = decidedStream(store, applicationStreamId(applicationId), applicationDecider);
  const id = { applicationId };
  await stream.run({
    type: 'DraftApplication',
    data: { ...id, application: anIndividualApplication() },
    metadata: meta(),
  });
  await stream.run({ type: 'SubmitApplication', data: id, metadata: meta({ at: '2026-01-06' }) });
  await stream.run({ type: 'AcceptApplication', data: id, metadata: officer('2026-01-07') });
  await stream.run({
    type: 'AssignReviewer',
    data: { ...id, reviewerId: 'reviewer-1' },
    metadata: officer('2026-01-08'),
  });
  await stream.run({
    type: 'CompleteReview',
    data: { ...id, recommendation: 'approve', notes: 'End user verified' },
    metadata: meta({ at: '2026-01-19', actor: 'reviewer' }),
  });
  const decision = evaluate(applicationForEvaluation(stream.state()), EXPORTER_PROFILE, seededPolicyOn(decidedOn));
  await stream.run({
    type: 'ApproveApplication',
    data: { ...id, decision },
    metadata: officer(decidedOn, 'officer-2'),
  });
}
