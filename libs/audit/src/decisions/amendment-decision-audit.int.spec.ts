import {
  licenseStreamId,
  rareEarthPolicyHistory,
  type DecisionRecord,
  replayDecision,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { canonicalJson } from '@licensing/event-store';
import { DecisionAudit } from './decision-audit';
import { appendApprovedAmendment } from './testing/approved-amendment';
import { appendSeededPolicy, type AuditStore, openAuditStore } from './testing/audit-store';
import { audited } from './testing/audited';
import { fakeLogProofsOver } from './testing/fake-log-proofs';

const LICENSE = 'L-app-1';
const REQUEST = 'amd-1';

describe('DecisionAudit on an amendment request: its decision, from the event log', () => {
  let db: AuditStore;
  let audit: DecisionAudit;

  beforeAll(async () => {
    db = openAuditStore();
    const measureIds = await appendSeededPolicy(db.store);
    await appendApprovedAmendment(db.store, LICENSE, { amendmentRequestId: REQUEST });
    audit = new DecisionAudit(db.store, await fakeLogProofsOver(db.store), () => measureIds);
  });
  afterAll(() => db.dispose());

  /** The approval's record as stored (raw: the bytes the hash chain was sealed over, never upcast). */
  const storedRecord = async (): Promise<DecisionRecord> => {
    const raw = await db.store.readStream(licenseStreamId(LICENSE), { raw: true });
    const approval = raw.find((e) => e.type === 'AmendmentApproved');
    return (approval!.data as { decision: DecisionRecord }).decision;
  };

  it('replays the recorded approval on the policy as known then: the record comes back byte for byte', async () => {
    const answer = audited(await audit.replayAmendment(LICENSE, REQUEST));
    expect(answer).toMatchObject({
      licenseId: LICENSE,
      amendmentRequestId: REQUEST,
      outcome: 'approved',
      validOn: '2026-02-10',
      knownAt: '2026-02-10T02:00:00.000Z',
      matches: true,
      differences: { same: true, outcomes: [], measures: [], otherFields: [], verdict: { changed: false } },
    });
    expect(answer).not.toHaveProperty('applicationId');
    expect(answer.integrity).toMatchObject({ ok: true, license: { streamId: `license-${LICENSE}`, ok: true } });
    expect(answer.findings[0]).toContain(`hash chain of license-${LICENSE} and of the 12 measure streams holds`);
    expect(answer.proofs).toMatchObject({
      status: 'proved',
      decisionEvent: { streamId: `license-${LICENSE}`, revision: 4 },
    });
    // Byte for byte: the same evaluation on the policy log (the seed the store holds), in the store's canonical JSON, is the stored record.
    const stored = await storedRecord();
    const replayed = replayDecision(stored, toRecordedPolicyEvents(rareEarthPolicyHistory())).replayed;
    expect(canonicalJson(replayed)).toBe(canonicalJson(stored));
  });

  it('re-evaluates the request at another knownAt, rule by rule: before No. 18 was known nothing controls the magnets', async () => {
    const answer = audited(await audit.whatIfAmendment(LICENSE, REQUEST, { knownAt: '2025-03-01T00:00:00Z' }));
    expect(answer).toMatchObject({
      licenseId: LICENSE,
      amendmentRequestId: REQUEST,
      recorded: { validOn: '2026-02-10', knownAt: '2026-02-10T02:00:00.000Z', verdict: 'license_required' },
      whatIf: { validOn: '2026-02-10', knownAt: '2025-03-01T00:00:00Z', verdict: 'not_controlled' },
      changed: true,
      integrity: { ok: true },
      findings: [expect.stringMatching(/verdict changes from license_required to not_controlled/)],
    });
    expect(answer.differences.outcomes).toContainEqual(
      expect.objectContaining({ change: 'removed', measureId: 'no-18-2025', lineId: '1', after: null }),
    );
    expect(answer.differences.measures).toContainEqual(
      expect.objectContaining({ change: 'removed', measureId: 'no-18-2025', after: null }),
    );
    expect(audited(await audit.whatIfAmendment(LICENSE, REQUEST, {})).changed).toBe(false);
  });

  it('finds no license for an unknown id or one out of scope, and no request for an unknown amendment', async () => {
    expect(await audit.replayAmendment('L-missing', REQUEST)).toEqual({ kind: 'no_license' });
    expect(await audit.replayAmendment(LICENSE, REQUEST, (owner) => owner.exporterId === 'someone-else')).toEqual({
      kind: 'no_license',
    });
    expect(await audit.replayAmendment(LICENSE, REQUEST, (owner) => owner.reviewerId === 'reviewer-1')).toMatchObject({
      kind: 'audited',
    });
    expect(await audit.replayAmendment(LICENSE, 'amd-unknown')).toEqual({ kind: 'no_amendment_request' });
    expect(await audit.whatIfAmendment(LICENSE, 'amd-unknown', {})).toEqual({ kind: 'no_amendment_request' });
  });
});
