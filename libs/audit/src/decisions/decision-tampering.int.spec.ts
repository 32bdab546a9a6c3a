import { DecisionAudit } from './decision-audit';
import { appendApprovedApplication } from './testing/approved-application';
import { audited } from './testing/audited';
import { appendSeededPolicy, type AuditStore, openAuditStore } from './testing/audit-store';
import { fakeLogProofsOver } from './testing/fake-log-proofs';

const APP = 'app-1';
const NO_18 = 'control-measure-no-18-2025';

describe('DecisionAudit.replay on a log altered underneath (rows rewritten in the SQLite file)', () => {
  let db: AuditStore;
  let measureIds: string[];

  beforeEach(async () => {
    db = openAuditStore();
    measureIds = await appendSeededPolicy(db.store);
  });
  afterEach(() => db.dispose());

  const auditWith = async (proofs?: Awaited<ReturnType<typeof fakeLogProofsOver>>) =>
    new DecisionAudit(db.store, proofs ?? (await fakeLogProofsOver(db.store)), () => measureIds);

  it('reports a policy event altered underneath: the broken chain, and the rule outcomes that change with it', async () => {
    await appendApprovedApplication(db.store, APP);
    // Someone with the file moves No. 18's item list into force only from June 2026.
    db.tamper(NO_18, 0, (data) => ({
      ...data,
      provisions: data.provisions.map((p: object) => ({ ...p, effectiveFrom: '2026-06-01' })),
    }));
    const answer = audited(await (await auditWith()).replay(APP));

    expect(answer.matches).toBe(false);
    expect(answer.integrity.ok).toBe(false);
    expect(answer.integrity.application.ok).toBe(true);
    expect(answer.integrity.policy.find((s) => s.streamId === NO_18)).toMatchObject({
      ok: false,
      firstBrokenRevision: 0,
      detail: expect.stringContaining('content does not match its hash'),
    });
    expect(answer.findings[0]).toMatch(/hash chain of control-measure-no-18-2025 is broken at revision 0/);
    expect(answer.differences.verdict).toMatchObject({
      changed: true,
      before: { verdict: 'license_required' },
      after: { verdict: 'not_controlled' },
    });
    expect(answer.differences.outcomes).toContainEqual(
      expect.objectContaining({
        change: 'removed',
        measureId: 'no-18-2025',
        lineId: '1',
        before: expect.objectContaining({ outcome: 'license_required' }),
        after: null,
      }),
    );
  });

  it('reports a decision record altered in the application stream', async () => {
    await appendApprovedApplication(db.store, APP);
    db.tamper('application-app-1', 5, (data) => ({ ...data, decision: { ...data.decision, verdict: 'deny' } }));
    const answer = audited(await (await auditWith()).replay(APP));

    expect(answer.matches).toBe(false);
    expect(answer.integrity.application).toMatchObject({ ok: false, firstBrokenRevision: 5 });
    expect(answer.differences.verdict).toMatchObject({
      changed: true,
      before: { verdict: 'deny' },
      after: { verdict: 'license_required' },
    });
  });

  it('answers unreadable when the decision event no longer fits the domain schema, with the chain check', async () => {
    await appendApprovedApplication(db.store, APP);
    db.tamper('application-app-1', 5, (data) => ({ ...data, decision: { verdict: 'approved by me' } }));
    const result = await (await auditWith()).replay(APP);
    expect(result).toMatchObject({
      kind: 'unreadable_decision',
      detail: expect.stringContaining('does not match the domain schema'),
      integrity: { ok: false, firstBrokenRevision: 5 },
    });
  });

  it('replays with every measure known, so a measure the record left out shows', async () => {
    await appendApprovedApplication(db.store, APP);
    // A measure recorded before the decision, missing from its record (as if the evaluation had skipped it).
    await db.store.append(
      'control-measure-no-99-2025',
      [
        {
          id: '99999999-9999-4999-8999-999999999999',
          type: 'MeasurePublished',
          version: 1,
          data: {
            measureId: 'no-99-2025',
            title: 'A measure the record never saw',
            issuer: 'MOFCOM',
            announcementNumber: 'No. 99 of 2025',
            publishedOn: '2025-12-01',
            provisions: [],
          },
          metadata: {
            actor: 'seed',
            role: 'system',
            commandId: 'c-99',
            correlationId: 'c-99',
            causationId: 'c-99',
            occurredAt: '2025-12-01T00:00:00.000Z',
            recordedAt: '2025-12-01T00:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const audit = new DecisionAudit(db.store, await fakeLogProofsOver(db.store), () => [...measureIds, 'no-99-2025']);
    const answer = audited(await audit.replay(APP));
    expect(answer.matches).toBe(false);
    expect(answer.integrity.ok).toBe(true);
    expect(answer.differences.measures).toEqual([
      expect.objectContaining({ change: 'added', measureId: 'no-99-2025', before: null }),
    ]);
  });
});
