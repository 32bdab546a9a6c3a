import { rareEarthPolicyHistory } from '@licensing/domain';
import { DecisionAudit } from './decision-audit';
import { appendApprovedApplication } from './testing/approved-application';
import { audited } from './testing/audited';
import { appendSeededPolicy, type AuditStore, openAuditStore } from './testing/audit-store';
import { fakeLogProofsOver, noLogProofs } from './testing/fake-log-proofs';

const APP = 'app-1';

describe('DecisionAudit.replay: a decision, from the event log', () => {
  let db: AuditStore;
  let measureIds: string[];

  beforeEach(async () => {
    db = openAuditStore();
    measureIds = await appendSeededPolicy(db.store);
  });
  afterEach(() => db.dispose());

  const auditWith = async (proofs?: Awaited<ReturnType<typeof fakeLogProofsOver>>) =>
    new DecisionAudit(db.store, proofs ?? (await fakeLogProofsOver(db.store)), () => measureIds);

  it('replays an approval on the policy as known then: it matches, every chain holds, every event read is proved', async () => {
    await appendApprovedApplication(db.store, APP);
    const proofs = await fakeLogProofsOver(db.store);
    const answer = audited(await (await auditWith(proofs)).replay(APP));

    expect(answer).toMatchObject({
      applicationId: APP,
      outcome: 'approved',
      validOn: '2026-01-20',
      knownAt: '2026-01-20T02:00:00.000Z',
      matches: true,
      differences: { same: true, outcomes: [], measures: [], otherFields: [], verdict: { changed: false } },
    });
    expect(answer.findings).toEqual([
      expect.stringContaining('hash chain of application-app-1 and of the 12 measure streams holds'),
      expect.stringContaining('give the recorded decision'),
    ]);
    expect(answer.integrity.ok).toBe(true);
    expect(answer.integrity.application).toEqual({
      streamId: 'application-app-1',
      ok: true,
      events: 6,
      firstBrokenRevision: null,
      detail: '6 events verified',
    });
    expect(answer.integrity.policy.map((s) => s.streamId)).toEqual(
      [...measureIds].sort().map((id) => `control-measure-${id}`),
    );

    // The policy events proved: those of the measures used, recorded by knownAt.
    const knownThen = rareEarthPolicyHistory().filter(
      (e) => Date.parse(e.metadata.recordedAt) <= Date.parse(answer.knownAt),
    );
    expect(answer.proofs).toMatchObject({
      status: 'proved',
      treeHead: { treeSize: 1 + rareEarthPolicyHistory().length + 5 },
    });
    expect(answer.proofs.policyEvents.map((p) => p.eventId).sort()).toEqual(knownThen.map((e) => e.eventId).sort());
    expect(answer.proofs.decisionEvent).toMatchObject({ streamId: 'application-app-1', revision: 5 });
    expect(answer.proofs.notInTreeHead).toEqual([]);
    // One head, every proof at its size.
    expect(new Set(proofs.askedTreeSizes)).toEqual(new Set([answer.proofs.treeHead?.treeSize]));
  });

  it('says the proofs are unavailable without a tree head, and still replays', async () => {
    await appendApprovedApplication(db.store, APP);
    const answer = audited(await new DecisionAudit(db.store, noLogProofs, () => measureIds).replay(APP));
    expect(answer.matches).toBe(true);
    expect(answer.proofs).toEqual({
      status: 'unavailable',
      detail: expect.stringContaining('No signed tree head is available'),
      treeHead: null,
      decisionEvent: null,
      policyEvents: [],
      notInTreeHead: [],
    });
  });

  it('says which events the head does not include yet (appended after it was signed), without failing', async () => {
    const proofs = await fakeLogProofsOver(db.store); // signed before the application existed
    await appendApprovedApplication(db.store, APP);
    const answer = audited(await (await auditWith(proofs)).replay(APP));
    expect(answer.matches).toBe(true);
    expect(answer.proofs).toMatchObject({
      status: 'partial',
      decisionEvent: null,
      notInTreeHead: [{ streamId: 'application-app-1', revision: 5 }],
      detail: expect.stringContaining('1 event(s) are not in the tree head'),
    });
    expect(answer.proofs.policyEvents.length).toBeGreaterThan(0);
  });

  it('finds no application for an unknown id or one outside the scope, and no record for an undecided one', async () => {
    const audit = await auditWith();
    expect(await audit.replay('app-missing')).toEqual({ kind: 'no_application' });
    await appendApprovedApplication(db.store, APP);
    expect(await audit.replay(APP, (owner) => owner.exporterId === 'someone-else')).toEqual({ kind: 'no_application' });
    expect(await audit.replay(APP, (owner) => owner.exporterId === 'exp-1')).toMatchObject({ kind: 'audited' });
    await db.store.append(
      'application-app-2',
      (await db.store.readStream('application-app-1')).slice(0, 1).map((e) => ({
        id: '22222222-2222-4222-8222-222222222222',
        type: e.type,
        version: e.version,
        data: { ...(e.data as object), applicationId: 'app-2' },
        metadata: e.metadata,
      })),
      { expectedRevision: 'no_stream' },
    );
    expect(await audit.replay('app-2')).toEqual({ kind: 'no_decision_record' });
  });
});
