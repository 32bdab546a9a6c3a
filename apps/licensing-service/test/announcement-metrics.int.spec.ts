import { auditor, policyOfficer, samples, valueOf } from '@licensing/service-testing';
import { AnnouncementWakeUps } from '../src/announcements/announcement-wake-ups';
import { NO_70_SUSPENDED, no80, NOW, settled } from './announcement-requests';
import { RunningService } from './running-service';

const scrape = async (client: Awaited<ReturnType<RunningService['start']>>) => {
  const reply = await client.get('/metrics', null);
  expect(reply.status).toBe(200);
  return samples(reply.body as string);
};

describe('the announcement process manager at /metrics', () => {
  const service = new RunningService();
  afterAll(() => service.dispose());

  it('shows acts pending while held, then counts them applied and refused by kind, with the time of the last', async () => {
    let client = await service.start(NOW, { ANNOUNCEMENT_ACTS: 'hold' });
    // One act No. 18 refuses: it has no suspension no-70-2025 to extend.
    const refusedAct = { ...no80.acts[0]!, actId: 'extend-no-18-2025', measureId: 'no-18-2025' };
    const announcement = { ...no80, acts: [...no80.acts, refusedAct] };
    expect((await client.post('/announcements', policyOfficer, announcement)).status).toBe(201);
    let all = await scrape(client);
    expect(valueOf(all, 'licensing_announcement_acts_pending', { kind: 'extend' })).toBe(7);
    expect(valueOf(all, 'licensing_announcement_acts_pending', { kind: 'suspend' })).toBe(0);
    expect(valueOf(all, 'licensing_announcement_acts_total', { kind: 'extend', outcome: 'applied' })).toBeUndefined();
    expect(valueOf(all, 'licensing_announcement_act_last_applied_timestamp_seconds')).toBe(0);

    client = await service.start(NOW);
    expect(await service.provider<AnnouncementWakeUps>(AnnouncementWakeUps).whenSwept()).toEqual(['no-80-2026']);
    await settled(client, 'no-80-2026');
    all = await scrape(client);
    expect(valueOf(all, 'licensing_announcement_acts_total', { kind: 'extend', outcome: 'applied' })).toBe(
      NO_70_SUSPENDED.length,
    );
    expect(valueOf(all, 'licensing_announcement_acts_total', { kind: 'extend', outcome: 'refused' })).toBe(1);
    expect(valueOf(all, 'licensing_announcement_acts_pending', { kind: 'extend' })).toBe(0);
    // The service clock's now (CLOCK_FIXED_AT), in Unix seconds.
    expect(valueOf(all, 'licensing_announcement_act_last_applied_timestamp_seconds')).toBe(Date.parse(NOW) / 1000);
    expect((await client.get('/announcements/no-80-2026', auditor)).body).toMatchObject({
      actCounts: { pending: 0, applied: 6, refused: 1 },
    });
  });
});
