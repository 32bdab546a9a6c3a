import {
  approvedApplication,
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  reviewer,
  system,
  type As,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const policyOfficer: As = { id: 'he.lan', role: 'policy_officer' };

describe('authorization (embedded service over HTTP): one table for commands and reads', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
    await approvedApplication(client, 'app-auth');
  });
  afterAll(() => service.dispose());

  it('needs an actor for reads too, and leaves health and the OpenAPI document public', async () => {
    expect(await client.get('/applications/app-auth', null)).toMatchObject({
      status: 401,
      body: { code: 'request.unauthenticated' },
    });
    expect(await client.get('/rule-history/measures', null)).toMatchObject({ status: 401 });
    expect((await client.get('/health/live', null)).status).toBe(200);
    expect((await client.get('/openapi.json', null)).status).toBe(200);
  });

  it('lets case readers read cases, and refuses other roles with 403 problem details', async () => {
    for (const as of [exporterUser, officer, reviewer, auditor])
      expect((await client.get('/applications/app-auth', as)).status).toBe(200);
    const refused = await client.get('/licenses', policyOfficer);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'license.forbidden', allowed: ['exporter', 'licensing_officer', 'reviewer', 'auditor'] },
    });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets officers and auditors replay a decision, not the exporter', async () => {
    expect((await client.get('/applications/app-auth/decision-replay', auditor)).body).toMatchObject({ matches: true });
    expect(await client.get('/applications/app-auth/decision-replay', exporterUser)).toMatchObject({
      status: 403,
      body: { code: 'application.forbidden' },
    });
  });

  it('shows the rule history to every person, and consumers to officers, auditors and the system', async () => {
    expect((await client.get('/rule-history/measures/no-57-2025', policyOfficer)).status).toBe(200);
    expect((await client.get('/rule-history/measures/no-57-2025', system)).status).toBe(403);
    expect((await client.get('/ops/consumers', auditor)).status).toBe(200);
    expect(await client.get('/ops/consumers', exporterUser)).toMatchObject({
      status: 403,
      body: { code: 'ops.forbidden' },
    });
    expect(await client.post('/admin/read-models/rebuild', auditor)).toMatchObject({
      status: 403,
      body: { code: 'admin.forbidden' },
    });
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

  it('answers 403 when a reviewer completes a review assigned to someone else', async () => {
    await client.post('/applications', exporterUser, magnetApplication('app-other-reviewer'));
    await client.post('/applications/app-other-reviewer/submit', exporterUser);
    await client.post('/applications/app-other-reviewer/accept', officer);
    await client.post('/applications/app-other-reviewer/assign-reviewer', officer, { reviewerId: reviewer.id });
    const intruder: As = { id: 'zhou.bo', role: 'reviewer' };
    const refused = await client.post('/applications/app-other-reviewer/complete-review', intruder, {
      recommendation: 'approve',
      notes: 'Looks fine',
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'application.not_assigned_reviewer' } });
  });
});
