import { issuedLicense } from '@licensing/service-testing';
import { RunningService } from './running-service';
import { exporterUser, officer, opsUser, system, type ServiceClient } from '@licensing/service-testing';
import { magnetApplication } from '@licensing/service-testing';

describe('time that passes by itself (embedded service, clock moved by restarts)', () => {
  const service = new RunningService();
  let client: ServiceClient;
  let reviewDeadline: string;

  beforeAll(async () => {
    client = await service.start('2026-11-23T02:00:00.000Z');
    await issuedLicense(client, 'app-short', '2026-11-23', '2026-12-31');
    await client.post('/applications', exporterUser, magnetApplication('app-slow'));
    await client.post('/applications/app-slow/submit', exporterUser);
    await client.post('/applications/app-slow/accept', officer);
    reviewDeadline = (await client.get('/applications/app-slow', officer)).body.reviewDeadline;
  });
  afterAll(() => service.dispose());

  it('counts 45 working days for the review and reads nothing as due before its day', async () => {
    // Mon 2026-11-23 + 45 working days (no holiday calendar given): Mon 2027-01-25.
    expect(reviewDeadline).toBe('2027-01-25');
    const run = await client.post('/admin/scheduler/run', opsUser);
    expect(run.body).toMatchObject({ today: '2026-11-23', appended: [], failed: [] });
  });

  it('reports expiry and a missed deadline on the date itself, before any event is appended', async () => {
    client = await service.start('2027-02-01T02:00:00.000Z');
    expect((await client.get('/licenses/L-app-short', officer)).body).toMatchObject({
      status: 'expired',
      recordedStatus: 'active',
      revision: 0,
    });
    expect((await client.get('/licenses/L-app-short?asOf=2026-12-31', officer)).body.status).toBe('active');
    expect((await client.get('/applications/app-slow', officer)).body).toMatchObject({
      status: 'deadline_missed',
      revision: 2,
    });
  });

  it('appends each due event exactly once, across repeated passes and restarts', async () => {
    const first = await client.post('/admin/scheduler/run', opsUser);
    expect(first.body.appended.sort()).toEqual([
      'scheduler:expire-license:L-app-short',
      'scheduler:review-deadline-missed:app-slow',
    ]);
    expect((await client.post('/admin/scheduler/run', opsUser)).body.appended).toEqual([]);

    client = await service.start('2027-02-02T02:00:00.000Z');
    expect((await client.post('/admin/scheduler/run', opsUser)).body).toMatchObject({ appended: [], failed: [] });
    const license = (await client.get('/licenses/L-app-short', officer)).body;
    expect(license).toMatchObject({ status: 'expired', recordedStatus: 'expired', revision: 1 });
    expect(license.history.at(-1)).toMatchObject({ type: 'LicenseExpired', actor: 'scheduler', role: 'system' });
    expect((await client.get('/applications/app-slow', officer)).body.history.at(-1)).toMatchObject({
      type: 'ReviewDeadlineMissed',
    });
  });

  it('lets only the ops role run the scheduler; system is the scheduler itself, never a caller', async () => {
    expect(await client.post('/admin/scheduler/run', officer)).toMatchObject({
      status: 403,
      body: { code: 'admin.forbidden', allowed: ['ops'] },
    });
    // No token may claim `system`: the service refuses it before the table is asked.
    expect(await client.post('/admin/scheduler/run', system)).toMatchObject({
      status: 403,
      body: { code: 'auth.system_role' },
    });
  });
});
