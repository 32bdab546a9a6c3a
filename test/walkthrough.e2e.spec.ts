import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './support/built-apps';
import {
  auditorSessionBlock,
  prepareSetup,
  runStep,
  type StepResult,
  walkthroughBlocks,
} from './support/readme-walkthrough';
import { exporterUser, type ServiceClient } from '@licensing/service-testing';
import { ServiceProcess } from './support/service-process';

const measureStatus = (measures: { measureId: string; status: string }[], id: string) =>
  measures.find((m) => m.measureId === id)?.status;

describe('README walkthrough, run as written against the started service (own process, SQLite file)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  const service = new ServiceProcess(dataDir, { CLOCK_FIXED_AT: '2026-11-23T02:00:00Z' });
  let client: ServiceClient;
  let prepared = '';
  let results: StepResult[] = [];

  beforeAll(async () => {
    client = await service.start();
    const { setup, steps } = walkthroughBlocks();
    // The setup's `npm run token` signs with the local issuer of the service's data directory.
    prepared = prepareSetup(setup, client.url, { DATA_DIR: dataDir });
    results = steps.map((step) => runStep(prepared, step));
  }, 180_000);

  afterAll(async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The one step whose command contains `fragment` (or, with `exactly`, is that command). */
  const step = (fragment: string, exactly = false): StepResult => {
    const found = results.filter((r) => (exactly ? r.command === fragment : r.command.includes(fragment)));
    if (found.length !== 1) throw new Error(`Expected one README step containing '${fragment}', found ${found.length}`);
    return found[0] as StepResult;
  };

  it('every command of the walkthrough succeeds', () => {
    expect(results.length).toBe(28);
    expect(results.filter((r) => r.status >= 300)).toEqual([]);
  });

  it('takes the application from draft to approved, with revisions counting up in its stream', () => {
    expect(step('$BASE/exporters $EXPORTER')).toMatchObject({
      status: 201,
      body: { id: 'ningbo-magnetics', revision: '0' },
    });
    expect(step('$BASE/applications $EXPORTER')).toMatchObject({
      status: 201,
      body: { streamId: 'application-app-2026-0001', revision: '0' },
    });
    expect(step('/submit').body.events).toEqual([
      expect.objectContaining({ type: 'ApplicationSubmitted', revision: '1' }),
    ]);
    expect(step('/accept').body.events[0].type).toBe('ApplicationAccepted');
    expect(step('/assign-reviewer').body.events[0].type).toBe('ReviewerAssigned');
    expect(step('/complete-review').body.events[0].type).toBe('ReviewCompleted');
    expect(step('/approve').body).toMatchObject({
      revision: '5',
      events: [expect.objectContaining({ type: 'ApplicationApproved' })],
    });
  });

  it('answers a pre-check with the decision record an approval would carry, storing nothing', () => {
    expect(step('$BASE/pre-checks $EXPORTER')).toMatchObject({
      status: 200,
      body: {
        validOn: '2026-11-20',
        stored: false,
        decision: {
          verdict: 'license_required',
          measures: expect.arrayContaining([expect.objectContaining({ measureId: 'no-57-2025', applies: true })]),
        },
      },
    });
  });

  it('issues the license, records the shipment and suspends it under If-Match', () => {
    expect(step('$BASE/licenses $OFFICER')).toMatchObject({
      status: 201,
      body: { id: 'L-app-2026-0001', events: [expect.objectContaining({ type: 'LicenseIssued' })] },
    });
    expect(step('/record-shipment').body.events[0].type).toBe('ShipmentRecorded');
    expect(step('/suspend').body).toMatchObject({
      revision: '2',
      events: [expect.objectContaining({ type: 'LicenseSuspended' })],
    });
  });

  it('license state: suspended with 70 kg left today, and the suspension lapsed by itself on its end date', () => {
    const now = step('curl -s $BASE/licenses/L-app-2026-0001 $OFFICER', true).body;
    expect(now).toMatchObject({ status: 'suspended', asOf: '2026-11-23', validUntil: '2027-11-22', revision: 2 });
    expect(now.items).toEqual([expect.objectContaining({ licensed: 100, shipped: 30, remaining: 70 })]);
    expect(now.suspension).toMatchObject({ until: '2027-01-15', inEffect: true });
    expect(now.decision.measuresApplied.map((m: { measureId: string }) => m.measureId)).toEqual(['no-18-2025']);
    const later = step('asOf=2027-01-15').body;
    expect(later).toMatchObject({ status: 'active', recordedStatus: 'suspended', suspension: { inEffect: false } });
  });

  it('license state: the application carries its decision record and its license', () => {
    const application = step('curl -s $BASE/applications/app-2026-0001 $OFFICER', true).body;
    expect(application).toMatchObject({
      status: 'approved',
      licenseId: 'L-app-2026-0001',
      reviewerId: 'wang.fang',
      reviewDeadline: '2027-01-25',
    });
    expect(application.decision).toMatchObject({
      outcome: 'approved',
      approverId: 'chen.jie',
      record: { verdict: 'license_required', validOn: '2026-11-23' },
    });
  });

  it("exporter view: the exporter's profile, application and license", () => {
    const exporter = step('/exporters/ningbo-magnetics').body;
    expect(exporter).toMatchObject({
      exporterId: 'ningbo-magnetics',
      generalLicense: { status: 'not_qualified' },
      revision: 0,
    });
    expect(exporter.applications).toEqual([
      { applicationId: 'app-2026-0001', licenseType: 'individual', status: 'approved' },
    ]);
    expect(exporter.licenses).toEqual([expect.objectContaining({ licenseId: 'L-app-2026-0001', status: 'suspended' })]);
  });

  it('rule history: No. 57 suspended on 2026-03-01 and back in force on 2026-11-20; No. 18 in force on both', () => {
    const march = step('validOn=2026-03-01').body;
    const november = step('validOn=2026-11-20').body;
    expect(measureStatus(march.measures, 'no-57-2025')).toBe('suspended');
    expect(measureStatus(november.measures, 'no-57-2025')).toBe('in_force');
    expect(measureStatus(march.measures, 'no-18-2025')).toBe('in_force');
    expect(measureStatus(november.measures, 'no-18-2025')).toBe('in_force');
    expect(november.knownAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('audit: the approval replays from the event log to the same decision, every chain intact', () => {
    const replay = step('/decision-replay').body;
    expect(replay).toMatchObject({
      matches: true,
      outcome: 'approved',
      validOn: '2026-11-23',
      differences: { same: true, outcomes: [], measures: [], otherFields: [] },
      integrity: { ok: true, application: { streamId: 'application-app-2026-0001', ok: true, events: 6 } },
    });
    expect(replay.integrity.policy.length).toBeGreaterThan(10);
    expect(replay.proofs).toMatchObject({ status: 'proved', notInTreeHead: [] });
  });

  it('audit: what if it had been decided on 2025-03-01, as known then: not controlled, rule by rule', () => {
    const whatIf = step('/what-if?').body;
    expect(whatIf).toMatchObject({
      recorded: { validOn: '2026-11-23', verdict: 'license_required' },
      whatIf: { validOn: '2025-03-01', knownAt: '2025-03-01T00:00:00Z', verdict: 'not_controlled' },
      changed: true,
      integrity: { ok: true },
    });
    expect(whatIf.differences.outcomes).toContainEqual(
      expect.objectContaining({ change: 'removed', measureId: 'no-18-2025', lineId: '1', after: null }),
    );
  });

  it('audit: the decisions that relied on No. 18 of 2025', () => {
    const found = step('/audit/decisions?').body;
    expect(found).toMatchObject({ measureId: 'no-18-2025', version: null, from: '2026-11-01T00:00:00Z', to: null });
    expect(found.decisions).toEqual([
      expect.objectContaining({
        applicationId: 'app-2026-0001',
        outcome: 'approved',
        applies: true,
        status: 'in_force',
      }),
    ]);
    expect(found.nextCursor).toBeNull();
  });

  it("event log: the license's events as stored, $all filtered, and time travel", () => {
    const newest = step('/audit/streams/license-L-app-2026-0001/events').body;
    expect(newest.events.map((e: { revision: number; type: string }) => [e.revision, e.type])).toEqual([
      [2, 'LicenseSuspended'],
      [1, 'ShipmentRecorded'],
    ]);
    expect(newest.nextRevision).toBe(0);
    expect(newest.events[0]).toMatchObject({
      metadata: { actor: 'zhang.min', role: 'licensing_officer', recordedAt: '2026-11-23T02:00:00.000Z' },
      integrity: { prevHash: expect.stringMatching(/^[0-9a-f]{64}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const today = step('/audit/events?').body;
    expect(today.events.map((e: { type: string }) => e.type)).toEqual([
      'LicenseIssued',
      'ShipmentRecorded',
      'LicenseSuspended',
    ]);
    expect(today.nextPosition).toBeNull();
    const beforeSuspension = step('/state?revision=1').body;
    expect(beforeSuspension).toMatchObject({ aggregate: 'license', revision: 1, state: { status: 'active' } });
    expect(beforeSuspension.state.license.lines).toEqual([expect.objectContaining({ shipped: 30 })]);
    const no57 = step('/state?at=').body;
    expect(no57).toMatchObject({ aggregate: 'control_measure', state: { status: 'published' } });
    expect(no57.state.facts.suspensions).toEqual([]);
  });

  it('verifiable log: a signed head, the approval proved in it, consistency with the start, the whole store verified', () => {
    const head = step('-X POST $BASE/audit/tree-heads').body;
    const proof = step('/audit/proofs/inclusion').body;
    expect(proof.treeHead).toEqual(head);
    expect(proof.inclusion).toMatchObject({
      streamId: 'application-app-2026-0001',
      revision: 5,
      treeSize: head.treeSize,
    });
    expect(proof.inclusion.auditPath.length).toBeGreaterThan(3);
    expect(step('/audit/proofs/consistency').body).toMatchObject({ fromSize: 28, toSize: head.treeSize });
    const verified = step('$BASE/audit/verify').body;
    expect(verified.at(-1)).toMatchObject({ kind: 'report', ok: true, problems: 0, treeSize: head.treeSize });
  });

  it("the auditor's session runs as written: export, offline verification against the head kept, replay, what-if", () => {
    const session = spawnSync('bash', ['-c', `set -euo pipefail\nBASE=${client.url}\n${auditorSessionBlock()}`], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect({ status: session.status, stderr: session.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(session.stdout).toMatch(/Verified \d+ events against the tree head of size \d+/);
    expect(session.stdout).toContain('app-2026-0001');
  });

  it('repeating the registration with its Idempotency-Key answers the same and stores nothing', async () => {
    const again = runStep(prepared, step('$BASE/exporters $EXPORTER').command);
    expect(again).toMatchObject({ status: 201, body: step('$BASE/exporters $EXPORTER').body });
    expect((await client.get('/exporters/ningbo-magnetics', exporterUser)).body.revision).toBe(0);
  });
});
