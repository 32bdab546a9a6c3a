import { anIndividualApplication, instant, meta } from '@licensing/domain/testing';
import { type ContractMessageOf, Topics } from '@licensing/contracts';
import {
  applicationDecider,
  applicationForEvaluation,
  applicationStreamId,
  evaluate,
  exporterDecider,
  exporterProfile,
  exporterStreamId,
  policySnapshot,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { MappingError } from './mapping-error';
import { mapRecordedEvent } from './map-recorded-event';
import { expectHonoursContract } from './testing/contract-assertions';
import { RecordedLog } from './testing/recorded-log';

const officer = (at: string, id = 'officer-1') => meta({ at, actor: { id, role: 'licensing_officer' } });

/**
 * An exporter and one application decided with the real rule evaluation
 * against the seeded rare-earth policy, as the workflow does it.
 */
function decidedApplication(decide: 'approve' | 'reject' | 'reject-without-evaluation') {
  const log = new RecordedLog();
  const exporter = log.stream(exporterDecider, exporterStreamId('exp-1'));
  exporter.run({
    type: 'RegisterExporter',
    data: {
      exporterId: 'exp-1',
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportHistory: { years: 5 },
      licensedExportsLastThreeYears: 12,
    },
    metadata: meta({ at: '2025-06-02' }),
  });

  const app = log.stream(applicationDecider, applicationStreamId('app-1'));
  const id = { applicationId: 'app-1' };
  app.run({
    type: 'DraftApplication',
    data: { ...id, application: anIndividualApplication() },
    metadata: meta({ at: '2026-01-05' }),
  });
  app.run({ type: 'SubmitApplication', data: id, metadata: meta({ at: '2026-01-06' }) });
  app.run({ type: 'AcceptApplication', data: id, metadata: officer('2026-01-07') });
  app.run({ type: 'AssignReviewer', data: { ...id, reviewerId: 'reviewer-1' }, metadata: officer('2026-01-08') });
  app.run({
    type: 'CompleteReview',
    data: { ...id, recommendation: decide === 'approve' ? 'approve' : 'reject', notes: 'Checked' },
    metadata: meta({ at: '2026-01-19', actor: 'reviewer' }),
  });
  const decision = evaluate(
    applicationForEvaluation(app.state()),
    exporterProfile(exporter.state(), '2026-01-20'),
    policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), {
      validOn: '2026-01-20',
      knownAt: instant('2026-01-20'),
    }),
  );
  const decider = officer('2026-01-20', 'officer-2');
  if (decide === 'approve') app.run({ type: 'ApproveApplication', data: { ...id, decision }, metadata: decider });
  if (decide === 'reject')
    app.run({
      type: 'RejectApplication',
      data: { ...id, decision, reasons: ['End-use statement not credible'] },
      metadata: decider,
    });
  if (decide === 'reject-without-evaluation') {
    app.run({
      type: 'RejectApplication',
      data: { ...id, reasons: ['End-user certificate forged'] },
      metadata: decider,
    });
  }
  return { log, decision };
}

const relayAll = (log: RecordedLog) => log.events.flatMap((event) => mapRecordedEvent(event, null).records);

describe('application events to integration messages', () => {
  it('publishes only the submission and the decision, keyed by application id; exporter events and the review steps stay internal', () => {
    const { log } = decidedApplication('approve');
    const records = relayAll(log);

    expect(log.events.map((e) => e.type)).toContain('ReviewerAssigned');
    expect(records.map((r) => [r.topic, r.key, r.value.type])).toEqual([
      [Topics.applicationEvents, 'app-1', 'application.submitted'],
      [Topics.applicationEvents, 'app-1', 'application.decided'],
    ]);
    records.forEach(expectHonoursContract);
    expect(records[0]!.value.data).toEqual({
      applicationId: 'app-1',
      exporterId: 'exp-1',
      licenseType: 'individual',
      submittedOn: '2026-01-06',
    });
  });

  it('states an approval with the verdict, reasons and the measures that applied at the versions read', () => {
    const { log, decision } = decidedApplication('approve');
    const decided = relayAll(log).at(-1)!.value as ContractMessageOf<'application.decided'>;
    const applied = decision.measures.filter((m) => m.applies);

    expect(applied.length).toBeGreaterThan(0);
    expect(decided.data).toEqual({
      outcome: 'approved',
      applicationId: 'app-1',
      exporterId: 'exp-1',
      licenseType: 'individual',
      decidedOn: '2026-01-20',
      decidedBy: 'officer-2',
      reasons: decision.reasons,
      basis: {
        verdict: 'license_required',
        policyValidOn: '2026-01-20',
        policyKnownAt: instant('2026-01-20'),
        measuresApplied: applied.map(({ measureId, version }) => ({ measureId, version })),
      },
    });
    // A measure evaluated but not applicable is not listed.
    expect(decision.measures.length).toBeGreaterThan(applied.length);
  });

  it("states a rejection with the officer's reasons first, then the evaluation's", () => {
    const { log, decision } = decidedApplication('reject');
    const decided = relayAll(log).at(-1)!.value as ContractMessageOf<'application.decided'>;
    expect(decided.data.outcome).toBe('rejected');
    expect(decided.data.reasons).toEqual(['End-use statement not credible', ...decision.reasons]);
    expect(decided.data.basis?.verdict).toBe(decision.verdict);
  });

  it('states a rejection without a rule evaluation with a null basis', () => {
    const { log } = decidedApplication('reject-without-evaluation');
    const records = relayAll(log);
    records.forEach(expectHonoursContract);
    expect(records.at(-1)!.value.data).toMatchObject({
      outcome: 'rejected',
      reasons: ['End-user certificate forged'],
      basis: null,
    });
  });

  it('publishes nothing for a withdrawn application beyond its submission', () => {
    const log = new RecordedLog();
    const app = log.stream(applicationDecider, applicationStreamId('app-3'));
    const id = { applicationId: 'app-3' };
    app.run({
      type: 'DraftApplication',
      data: { ...id, application: anIndividualApplication() },
      metadata: meta({ at: '2026-03-03' }),
    });
    app.run({ type: 'SubmitApplication', data: id, metadata: meta({ at: '2026-03-04' }) });
    app.run({
      type: 'WithdrawApplication',
      data: { ...id, reason: 'Contract cancelled' },
      metadata: meta({ at: '2026-03-05' }),
    });
    expect(relayAll(log).map((r) => r.value.type)).toEqual(['application.submitted']);
  });

  describe('which events it reads the data of', () => {
    const { log } = decidedApplication('approve');
    const eventOf = (type: string) => log.events.find((event) => event.type === type)!;
    const withData = (type: string, data: unknown) => ({ ...eventOf('ReviewerAssigned'), type, data });

    it('maps an internal step without reading its data: it publishes nothing either way', () => {
      expect(mapRecordedEvent(withData('ReviewerAssigned', { not: 'the schema' }), null)).toEqual({
        records: [],
        memory: null,
      });
    });

    it('holds a published event to the domain schema: bad data stops the relay', () => {
      const submitted = { ...eventOf('ApplicationSubmitted'), data: { applicationId: 42 } };
      expect(() => mapRecordedEvent(submitted, null)).toThrow(MappingError);
    });

    it('refuses an application event type it does not know, rather than guess it publishes nothing', () => {
      expect(() => mapRecordedEvent(withData('ApplicationTeleported', { applicationId: 'app-1' }), null)).toThrow(
        /does not match the domain schema/,
      );
    });
  });
});
