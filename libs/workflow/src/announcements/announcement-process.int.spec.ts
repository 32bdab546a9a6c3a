import {
  type AnnouncementActInput,
  type AnnouncementCommand,
  measureCommandOf,
  policySnapshot,
  recordedAct,
} from '@licensing/domain';
import { type EventStore, openSqliteEventStore, type RecordedEvent } from '@licensing/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPolicyHistory } from '../seed/seed-policy-history';
import { announcements, controlMeasures } from '../shared/aggregates';
import { ManualClock } from '../shared/clock';
import { CommandRunner } from '../shared/command-runner';
import { actCommandId, ANNOUNCEMENT_PROCESS_ACTOR, AnnouncementProcess } from './announcement-process';

const NOW = '2026-11-05T02:00:00.000Z';
/** The October package No. 70 suspended until 2026-11-10. */
const NO_70_SUSPENDED = ['no-55-2025', 'no-56-2025', 'no-57-2025', 'no-58-2025', 'no-61-2025', 'no-62-2025'];
const officer = { id: 'he.lan', role: 'policy_officer' as const };
const extendAll: AnnouncementActInput[] = NO_70_SUSPENDED.map((measureId) => ({
  kind: 'extend',
  actId: `extend-${measureId}`,
  measureId,
  suspensionId: 'no-70-2025',
  until: '2027-11-10',
}));

function record(announcementId: string, acts: AnnouncementActInput[]): AnnouncementCommand {
  return {
    type: 'RecordAnnouncement',
    data: {
      announcementId,
      number: 'No. 80 of 2026',
      issuer: 'MOFCOM',
      publishedOn: '2026-11-05',
      textRef: 'MOFCOM No. 80',
      acts,
    },
    metadata: { commandId: `record-${announcementId}`, actor: officer, occurredAt: NOW, correlationId: 'req-1' },
  };
}

describe('the announcement process manager on a SQLite store with the seeded policy', () => {
  let dir: string;
  let store: EventStore;
  let runner: CommandRunner;
  let process: AnnouncementProcess;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'announcements-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    await seedPolicyHistory(store);
    runner = new CommandRunner(store, new ManualClock(NOW));
    process = new AnnouncementProcess(runner, new ManualClock(NOW));
  });

  afterEach(async () => {
    await process.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const streamOf = (measureId: string) => store.readStream(`control-measure-${measureId}`);
  const changesBy = async (measureId: string, commandPrefix: string) =>
    (await streamOf(measureId)).filter((e) => e.metadata.commandId.startsWith(commandPrefix));

  it('moves all six measures of No. 70 to a new end date in one announcement, and records each act applied', async () => {
    await runner.execute(announcements, 'no-80-2026', record('no-80-2026', extendAll));
    const report = await process.apply('no-80-2026');
    expect(report).toEqual({
      announcementId: 'no-80-2026',
      applied: extendAll.map((a) => a.actId),
      refused: [],
      pending: [],
    });
    for (const measureId of NO_70_SUSPENDED) {
      const [extension] = await changesBy(measureId, 'announcement:no-80-2026:');
      expect(extension).toMatchObject({
        type: 'SuspensionExtended',
        data: { measureId, suspensionId: 'no-70-2025', orderedBy: 'no-80-2026', until: '2027-11-10' },
        metadata: { actor: 'announcements', role: 'system', correlationId: 'req-1' },
      });
    }
    const outcomes = (await store.readStream('announcement-no-80-2026')).slice(1);
    expect(outcomes.map((e) => [e.type, (e.data as { measureId: string }).measureId])).toEqual(
      NO_70_SUSPENDED.map((measureId) => ['AnnouncementActApplied', measureId]),
    );
    const policy = (await store.readAll({ maxCount: 1000 })).filter((e) => e.streamId.startsWith('control-measure-'));
    const snapshot = policySnapshot(policy.map(toPolicyEvent), { validOn: '2027-01-01', knownAt: NOW });
    expect(snapshot.measures.find((m) => m.measureId === 'no-57-2025')?.status).toBe('suspended');
  });

  it('records an act its measure refuses as refused, with the reason, and applies the others', async () => {
    const acts = [extendAll[0]!, { ...extendAll[1]!, actId: 'extend-no-18-2025', measureId: 'no-18-2025' }];
    await runner.execute(announcements, 'no-80-2026', record('no-80-2026', acts));
    expect(await process.apply('no-80-2026')).toMatchObject({
      applied: ['extend-no-55-2025'],
      refused: ['extend-no-18-2025'],
      pending: [],
    });
    const refusal = (await store.readStream('announcement-no-80-2026')).find(
      (e) => e.type === 'AnnouncementActRefused',
    );
    expect(refusal?.data).toMatchObject({
      actId: 'extend-no-18-2025',
      measureId: 'no-18-2025',
      code: 'control_measure.unknown_suspension',
      reason: expect.stringMatching(/No\. 18 of 2025 has no suspension no-70-2025/),
    });
    expect(await changesBy('no-18-2025', 'announcement:')).toEqual([]);
    // Refused for good: another run does not try it again.
    expect(await process.apply('no-80-2026')).toMatchObject({ applied: [], refused: [], pending: [] });
  });

  it('applies each act exactly once when the last run stopped between the two steps of an act', async () => {
    await runner.execute(announcements, 'no-80-2026', record('no-80-2026', extendAll));
    // The crash: the first act reached its measure, its outcome was never recorded.
    const first = recordedAct(extendAll[0]!, 'no-80-2026');
    const metadata = {
      commandId: actCommandId('no-80-2026', first.actId),
      actor: ANNOUNCEMENT_PROCESS_ACTOR,
      occurredAt: NOW,
    };
    const before = await runner.execute(
      controlMeasures,
      first.measureId,
      measureCommandOf({ announcementId: 'no-80-2026' }, first, metadata),
    );

    // Two wake-ups at once (the live subscription and the start-up sweep) share one run.
    const [a, b] = await Promise.all([process.apply('no-80-2026'), process.apply('no-80-2026')]);
    expect(a).toBe(b);
    expect(a.applied).toHaveLength(6);
    for (const measureId of NO_70_SUSPENDED)
      expect(await changesBy(measureId, 'announcement:no-80-2026:')).toHaveLength(1);
    const applied = (await store.readStream('announcement-no-80-2026')).find(
      (e) => e.type === 'AnnouncementActApplied' && (e.data as { actId: string }).actId === first.actId,
    );
    expect(applied?.data).toMatchObject({ eventId: before.events[0]?.id, revision: 2 });

    const events = (await store.readAll({ maxCount: 1000 })).length;
    expect(await process.apply('no-80-2026')).toMatchObject({ applied: [], refused: [], pending: [] });
    expect((await store.readAll({ maxCount: 1000 })).length).toBe(events);
  });

  it('leaves the acts pending on a failure that is no refusal, and tries the announcement again by itself', async () => {
    await runner.execute(announcements, 'no-80-2026', record('no-80-2026', extendAll.slice(0, 2)));
    let failures = 1;
    const flaky = new Proxy(store, {
      get(target, key) {
        if (key === 'append')
          return (...args: Parameters<EventStore['append']>) => {
            if (args[0].startsWith('control-measure-') && failures-- > 0) return Promise.reject(new Error('disk full'));
            return target.append(...args);
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const flakyProcess = new AnnouncementProcess(new CommandRunner(flaky, new ManualClock(NOW)), new ManualClock(NOW));
    try {
      const report = await flakyProcess.apply('no-80-2026');
      expect(report).toMatchObject({
        applied: [],
        pending: ['extend-no-55-2025', 'extend-no-56-2025'],
        error: 'disk full',
      });
      const settled = async () => (await store.readStream('announcement-no-80-2026')).length === 3;
      const deadline = Date.now() + 10_000;
      while (!(await settled())) {
        if (Date.now() > deadline) throw new Error('the retry did not apply the acts within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const measureId of ['no-55-2025', 'no-56-2025'])
        expect(await changesBy(measureId, 'announcement:no-80-2026:')).toHaveLength(1);
    } finally {
      await flakyProcess.stop();
    }
  });

  it('starts nothing once stopped', async () => {
    await runner.execute(announcements, 'no-80-2026', record('no-80-2026', extendAll));
    await process.stop();
    expect(await process.apply('no-80-2026')).toEqual({
      announcementId: 'no-80-2026',
      applied: [],
      refused: [],
      pending: [],
    });
    expect(await changesBy('no-57-2025', 'announcement:')).toEqual([]);
  });
});

function toPolicyEvent(e: RecordedEvent) {
  return {
    measureId: e.streamId.replace(/^control-measure-/, ''),
    revision: Number(e.revision),
    recordedAt: e.metadata.recordedAt,
    event: { type: e.type, schemaVersion: e.version, data: e.data } as never,
  };
}
