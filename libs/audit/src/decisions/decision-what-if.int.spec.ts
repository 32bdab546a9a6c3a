import { DecisionAudit } from './decision-audit';
import { appendApprovedApplication } from './testing/approved-application';
import { audited } from './testing/audited';
import { appendSeededPolicy, type AuditStore, openAuditStore } from './testing/audit-store';
import { noLogProofs } from './testing/fake-log-proofs';

const APP = 'app-1';

describe('DecisionAudit.whatIf: the recorded inputs at another policy position', () => {
  let db: AuditStore;
  let audit: DecisionAudit;

  beforeAll(async () => {
    db = openAuditStore();
    const measureIds = await appendSeededPolicy(db.store);
    await appendApprovedApplication(db.store, APP);
    audit = new DecisionAudit(db.store, noLogProofs, () => measureIds);
  });
  afterAll(() => db.dispose());

  it("defaults to the record's own position: nothing changes", async () => {
    const answer = audited(await audit.whatIf(APP, {}));
    expect(answer).toMatchObject({
      recorded: { validOn: '2026-01-20', knownAt: '2026-01-20T02:00:00.000Z', verdict: 'license_required' },
      whatIf: { validOn: '2026-01-20', knownAt: '2026-01-20T02:00:00.000Z', verdict: 'license_required' },
      changed: false,
      integrity: { ok: true },
    });
  });

  it('before No. 18 was published, as known then: nothing controls the magnets, rule by rule', async () => {
    const answer = audited(await audit.whatIf(APP, { validOn: '2025-03-01', knownAt: '2025-03-01T00:00:00Z' }));
    expect(answer).toMatchObject({
      whatIf: { validOn: '2025-03-01', knownAt: '2025-03-01T00:00:00Z', verdict: 'not_controlled' },
      changed: true,
      differences: { verdict: { changed: true, before: { verdict: 'license_required' } } },
      findings: [expect.stringMatching(/verdict changes from license_required to not_controlled/)],
    });
    const { differences } = answer;
    expect(differences.outcomes).toContainEqual(
      expect.objectContaining({ change: 'removed', measureId: 'no-18-2025', lineId: '1' }),
    );
    expect(differences.measures).toContainEqual(
      expect.objectContaining({ change: 'removed', measureId: 'no-18-2025', after: null }),
    );
  });

  it('on a later date only: the same decision', async () => {
    const answer = audited(await audit.whatIf(APP, { validOn: '2026-02-10' }));
    expect(answer.whatIf).toEqual({
      validOn: '2026-02-10',
      knownAt: '2026-01-20T02:00:00.000Z',
      verdict: 'license_required',
    });
  });
});
