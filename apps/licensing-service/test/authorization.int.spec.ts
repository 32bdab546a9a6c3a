import {
  approvedApplication,
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  policyOfficer,
  reviewer,
  system,
  type As,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';

describe('authorization (embedded service over HTTP): one table for commands and reads', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
    await approvedApplication(client, 'app-auth');
  });
  afterAll(() => service.dispose());

  it('needs an actor for reads and the OpenAPI document, and leaves health public', async () => {
    expect(await client.get('/applications/app-auth', null)).toMatchObject({
      status: 401,
      body: { code: 'request.unauthenticated' },
    });
    expect(await client.get('/rule-history/measures', null)).toMatchObject({ status: 401 });
    expect(await client.get('/openapi.json', null)).toMatchObject({ status: 401 });
    expect((await client.get('/health/live', null)).status).toBe(200);
    expect((await client.get('/health/ready', null)).status).toBe(200);
  });

  it('shows the OpenAPI document to every person', async () => {
    for (const as of [exporterUser, officer, reviewer, policyOfficer, auditor, opsUser])
      expect((await client.get('/openapi.json', as)).status).toBe(200);
  });

  it('lets case readers read cases, and refuses other roles with 403 problem details', async () => {
    for (const as of [exporterUser, officer, reviewer, auditor])
      expect((await client.get('/applications/app-auth', as)).status).toBe(200);
    const refused = await client.get('/licenses', policyOfficer);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'license.forbidden', allowed: ['exporter', 'licensing_officer', 'auditor', 'reviewer'] },
    });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    // Reviewers read the applications assigned to them and the licenses whose amendment request they
    // review (none here: an empty list), never exporters.
    expect(await client.get('/licenses', reviewer)).toMatchObject({ status: 200, body: { licenses: [] } });
    expect((await client.get('/exporters/ningbo-magnetics', reviewer)).status).toBe(403);
  });

  it('lets officers and auditors replay a decision, not the exporter', async () => {
    expect((await client.get('/applications/app-auth/decision-replay', auditor)).body).toMatchObject({ matches: true });
    expect(await client.get('/applications/app-auth/decision-replay', exporterUser)).toMatchObject({
      status: 403,
      body: { code: 'application.forbidden' },
    });
  });

  it('shows the rule history to every person, and consumers to ops and auditors', async () => {
    for (const as of [exporterUser, reviewer, policyOfficer, opsUser])
      expect((await client.get('/rule-history/measures/no-57-2025', as)).status).toBe(200);
    expect((await client.get('/rule-history/measures/no-57-2025', system)).status).toBe(403);
    expect((await client.get('/ops/consumers', auditor)).status).toBe(200);
    expect((await client.get('/ops/consumers', opsUser)).status).toBe(200);
    for (const as of [exporterUser, officer]) {
      expect(await client.get('/ops/consumers', as)).toMatchObject({
        status: 403,
        body: { code: 'ops.forbidden', allowed: ['ops', 'auditor'] },
      });
    }
    // A token claiming the service's own role is refused before any table is asked.
    expect(await client.get('/ops/consumers', system)).toMatchObject({
      status: 403,
      body: { code: 'auth.system_role' },
    });
  });

  it('lets ops administer, and nobody else: not an exporter, an auditor or the system role', async () => {
    expect(await client.post('/admin/scheduler/run', opsUser)).toMatchObject({ status: 200, body: { failed: [] } });
    for (const as of [exporterUser, auditor]) {
      expect(await client.post('/admin/scheduler/run', as)).toMatchObject({
        status: 403,
        body: { code: 'admin.forbidden', allowed: ['ops'] },
      });
      expect((await client.post('/admin/read-models/rebuild', as)).status).toBe(403);
    }
    for (const path of ['/admin/scheduler/run', '/admin/read-models/rebuild'])
      expect(await client.post(path, system)).toMatchObject({ status: 403, body: { code: 'auth.system_role' } });
  });

  it('refuses a command for the wrong role before the handler reads the body, and stores nothing', async () => {
    const refused = await client.post(
      '/applications',
      officer,
      { not: 'an application' },
      { 'Idempotency-Key': 'wrong-role' },
    );
    expect(refused).toMatchObject({ status: 403, body: { code: 'application.forbidden', allowed: ['exporter'] } });
    expect((await client.get('/applications?exporterId=ningbo-magnetics', officer)).body.applications).toHaveLength(1);
  });

  it('answers 404 when a reviewer completes a review assigned to someone else: the case is not theirs to see', async () => {
    await client.post('/applications', exporterUser, magnetApplication('app-other-reviewer'));
    await client.post('/applications/app-other-reviewer/submit', exporterUser);
    await client.post('/applications/app-other-reviewer/accept', officer);
    await client.post('/applications/app-other-reviewer/assign-reviewer', officer, { reviewerId: reviewer.id });
    const intruder: As = { id: 'zhou.bo', role: 'reviewer' };
    const refused = await client.post('/applications/app-other-reviewer/complete-review', intruder, {
      recommendation: 'approve',
      notes: 'Looks fine',
    });
    expect(refused).toMatchObject({ status: 404, body: { code: 'application.not_found' } });
    expect((await client.get('/applications/app-other-reviewer', officer)).body.recordedStatus).toBe('under_review');
  });

  it("holds four eyes to the acting user's id: the reviewer may not decide the review, whatever role they act in", async () => {
    await client.post('/applications/app-other-reviewer/complete-review', reviewer, {
      recommendation: 'approve',
      notes: 'End user verified on site',
    });
    const samePerson: As = { id: reviewer.id, role: 'licensing_officer' };
    const refused = await client.post('/applications/app-other-reviewer/approve', samePerson);
    expect(refused).toMatchObject({ status: 403, body: { code: 'application.four_eyes' } });
    expect((await client.get('/applications/app-other-reviewer', officer)).body.recordedStatus).toBe('reviewed');
  });
});
