import {
  applicationDecider,
  type ApplicationCommand,
  applicationForEvaluation,
  applicationStreamId,
  type ApplicationEvent,
  type CommandMetadata,
  evaluate,
  type ExporterProfile,
  fold,
  policySnapshot,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { anIndividualApplication, meta } from '@licensing/domain/testing';
import type { EventStore } from '@licensing/event-store';
import { createHash } from 'node:crypto';

export const EXPORTER_PROFILE: ExporterProfile = {
  exporterId: 'exp-1',
  complianceProgrammeCertified: true,
  dualUseExportYears: 5,
  licensedExportsLastThreeYears: 12,
  penalisedWithinThreeYears: false,
  qualifiedForGeneralLicense: false,
};

function eventId(streamId: string, revision: number): string {
  const hex = createHash('sha256').update(`${streamId}/${revision}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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
  const streamId = applicationStreamId(applicationId);
  const history: ApplicationEvent[] = [];
  const run = async (command: ApplicationCommand) => {
    const events = applicationDecider.decide(command, fold(applicationDecider, history));
    const { commandId, actor, occurredAt } = command.metadata;
    const proposed = events.map((event, i) => ({
      id: eventId(streamId, history.length + i),
      type: event.type,
      version: event.schemaVersion,
      data: event.data,
      metadata: {
        actor: actor.id,
        role: actor.role,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        occurredAt,
        recordedAt: occurredAt,
      },
    }));
    await store.append(streamId, proposed, { expectedRevision: 'any' });
    history.push(...events);
  };
  const id = { applicationId };
  const officer = (at: string, who = 'officer-1'): CommandMetadata =>
    meta({ at, actor: { id: who, role: 'licensing_officer' } });
  await run({ type: 'DraftApplication', data: { ...id, application: anIndividualApplication() }, metadata: meta() });
  await run({ type: 'SubmitApplication', data: id, metadata: meta({ at: '2026-01-06' }) });
  await run({ type: 'AcceptApplication', data: id, metadata: officer('2026-01-07') });
  await run({ type: 'AssignReviewer', data: { ...id, reviewerId: 'reviewer-1' }, metadata: officer('2026-01-08') });
  await run({
    type: 'CompleteReview',
    data: { ...id, recommendation: 'approve', notes: 'End user verified' },
    metadata: meta({ at: '2026-01-19', actor: 'reviewer' }),
  });
  const decision = evaluate(
    applicationForEvaluation(fold(applicationDecider, history)),
    EXPORTER_PROFILE,
    policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), {
      validOn: decidedOn,
      knownAt: `${decidedOn}T02:00:00.000Z`,
    }),
  );
  await run({ type: 'ApproveApplication', data: { ...id, decision }, metadata: officer(decidedOn, 'officer-2') });
}
