import { policySnapshot, rareEarthAnnouncements, rareEarthPolicyHistory } from '@licensing/domain';
import { openSqliteEventStore, type EventStore, verifyStreamIntegrity } from '@licensing/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPolicyHistory } from './seed-policy-history';

describe('seedPolicyHistory', () => {
  let dir: string;
  let store: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const everything = async () => store.readAll({ maxCount: 10_000 });

  it('appends every seed event once, and a second seeding stores nothing new', async () => {
    const report = await seedPolicyHistory(store);
    expect(report.events).toBe(rareEarthPolicyHistory().length + rareEarthAnnouncements().length);
    const first = await everything();
    expect(first).toHaveLength(report.events);
    expect(new Set(first.map((e) => e.streamId))).toContain('announcement-no-70-2025');

    await seedPolicyHistory(store);
    expect(await everything()).toEqual(first);
  });

  it('gives a store seeded before the announcements their streams on the next start, and only those', async () => {
    await seedPolicyHistory(store, rareEarthPolicyHistory(), []);
    const measuresOnly = await everything();
    expect(measuresOnly.some((e) => e.streamId.startsWith('announcement-'))).toBe(false);

    await seedPolicyHistory(store);
    const upgraded = await everything();
    expect(upgraded.slice(0, measuresOnly.length)).toEqual(measuresOnly);
    const added = upgraded.slice(measuresOnly.length);
    expect(added.map((e) => e.id)).toEqual(rareEarthAnnouncements().map((e) => e.eventId));
    expect(new Set(added.map((e) => e.streamId))).toEqual(
      new Set(['announcement-no-70-2025', 'announcement-no-72-2025']),
    );
    // Recorded on the publication day, like the changes they ordered, whenever the upgrade ran.
    expect(added[0]?.metadata.recordedAt).toBe('2025-11-06T16:00:00.000Z');

    await seedPolicyHistory(store);
    expect(await everything()).toEqual(upgraded);
  });

  it('stores sealed chains and the seeded recorded times, so the stored log answers bitemporal questions', async () => {
    await seedPolicyHistory(store);
    const stored = await everything();
    for (const streamId of new Set(stored.map((e) => e.streamId))) {
      expect(verifyStreamIntegrity(await store.readStream(streamId, { raw: true })).valid).toBe(true);
    }
    const events = stored
      .filter((e) => e.streamId.startsWith('control-measure-'))
      .map((e) => ({
        measureId: e.streamId.replace(/^control-measure-/, ''),
        revision: Number(e.revision),
        recordedAt: e.metadata.recordedAt,
        event: { type: e.type, schemaVersion: e.version, data: e.data },
      }));
    const snapshot = policySnapshot(events as Parameters<typeof policySnapshot>[0], {
      validOn: '2026-03-01',
      knownAt: '2026-11-23T00:00:00.000Z',
    });
    const no57 = snapshot.measures.find((m) => m.measureId === 'no-57-2025');
    expect(no57?.status).toBe('suspended');
  });
});
