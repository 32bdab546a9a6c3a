import { measureCommandOf, recordedAct } from '@licensing/domain';
import { auditor, policyOfficer } from '@licensing/service-testing';
import { actCommandId, ANNOUNCEMENT_PROCESS_ACTOR, CommandRunner, controlMeasures } from '@licensing/workflow';
import { AnnouncementWakeUps } from '../src/announcements/announcement-wake-ups';
import { byAnnouncement, measureEvents, NO_70_SUSPENDED, no80, NOW, settled } from './announcement-requests';
import { RunningService } from './running-service';

describe('announcements applied exactly once across a restart', () => {
  const service = new RunningService();
  afterAll(() => service.dispose());

  it('applies acts left pending (and one half-applied) by a stop on the next start, each once', async () => {
    // Held: the announcement is recorded, its acts wait.
    let client = await service.start(NOW, { ANNOUNCEMENT_ACTS: 'hold' });
    expect((await client.post('/announcements', policyOfficer, no80)).status).toBe(201);
    const held = (await client.get('/announcements/no-80-2026', auditor)).body;
    expect(held).toMatchObject({ status: 'pending', actCounts: { pending: 6, applied: 0, refused: 0 } });
    for (const measureId of NO_70_SUSPENDED)
      expect(byAnnouncement(await measureEvents(client, measureId), 'no-80-2026')).toEqual([]);

    // A stop between the two steps of the first act: its measure has the change, the announcement no outcome.
    const first = recordedAct(no80.acts[0]!, no80.announcementId);
    const metadata = {
      commandId: actCommandId(no80.announcementId, first.actId),
      actor: ANNOUNCEMENT_PROCESS_ACTOR,
      occurredAt: NOW,
    };
    const halfApplied = await service
      .provider<CommandRunner>(CommandRunner)
      .execute(controlMeasures, first.measureId, measureCommandOf(no80, first, metadata));
    await service.stop();

    client = await service.start(NOW);
    expect(await service.provider<AnnouncementWakeUps>(AnnouncementWakeUps).whenSwept()).toEqual(['no-80-2026']);
    const applied = await settled(client, 'no-80-2026');
    expect(applied.acts.map((view) => view.state)).toEqual(NO_70_SUSPENDED.map(() => 'applied'));
    expect(applied.acts[0]?.measureEvent?.eventId).toBe(halfApplied.events[0]?.id);
    const counts = async () =>
      Promise.all(
        NO_70_SUSPENDED.map(
          async (measureId) => byAnnouncement(await measureEvents(client, measureId), 'no-80-2026').length,
        ),
      );
    expect(await counts()).toEqual(NO_70_SUSPENDED.map(() => 1));
    const announcementEvents = async () =>
      (await client.get('/audit/streams/announcement-no-80-2026/events', auditor)).body.events.length;
    expect(await announcementEvents()).toBe(7);
    // An auditor's time travel: as recorded, every act pending; at its last revision, every act applied.
    const state = async (revision: number) =>
      (await client.get(`/audit/streams/announcement-no-80-2026/state?revision=${revision}`, auditor)).body;
    expect(await state(0)).toMatchObject({ aggregate: 'announcement', state: { status: 'recorded', settled: {} } });
    expect(Object.values((await state(6)).state.settled)).toEqual(NO_70_SUSPENDED.map(() => 'applied'));

    // Another start finds nothing pending and applies nothing again.
    client = await service.start(NOW);
    expect(await service.provider<AnnouncementWakeUps>(AnnouncementWakeUps).whenSwept()).toEqual([]);
    expect(await counts()).toEqual(NO_70_SUSPENDED.map(() => 1));
    expect(await announcementEvents()).toBe(7);
  });
});
