import { DomainError, type RegisterExporter, type CertifyComplianceProgramme } from '@licensing/domain';
import { openSqliteEventStore, type EventStore, WrongExpectedRevisionError } from '@licensing/event-store';
import { WRITE_CONFLICT_RETRY } from '@licensing/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RevisionConflict } from './application-errors';
import { exporters } from './aggregates';
import { ManualClock } from './clock';
import { CommandRunner } from './command-runner';

const officer = { id: 'officer-1', role: 'licensing_officer' as const };

function register(commandId: string): RegisterExporter {
  return {
    type: 'RegisterExporter',
    data: {
      exporterId: 'exp-1',
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportHistory: { years: 5 },
      licensedExportsLastThreeYears: 12,
    },
    metadata: { commandId, actor: officer, occurredAt: '2026-01-05T02:00:00.000Z' },
  };
}

function certify(commandId: string): CertifyComplianceProgramme {
  return {
    type: 'CertifyComplianceProgramme',
    data: { exporterId: 'exp-1', certificateRef: 'ICP-1' },
    metadata: { commandId, actor: officer, occurredAt: '2026-01-06T02:00:00.000Z' },
  };
}

describe('CommandRunner on a SQLite event store', () => {
  let dir: string;
  let store: EventStore;
  let runner: CommandRunner;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    runner = new CommandRunner(store, new ManualClock('2026-01-05T02:00:01.000Z'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on the folded stream and appends with the metadata of the command', async () => {
    const outcome = await runner.execute(exporters, 'exp-1', register('c-1'));
    expect(outcome).toMatchObject({ streamId: 'exporter-exp-1', revision: 0n, replayed: false });
    const [stored] = await store.readStream('exporter-exp-1');
    expect(stored).toMatchObject({
      type: 'ExporterRegistered',
      version: 1,
      metadata: {
        actor: 'officer-1',
        role: 'licensing_officer',
        commandId: 'c-1',
        recordedAt: '2026-01-05T02:00:01.000Z',
      },
    });
  });

  it('answers a repeated command with its first outcome and stores nothing new', async () => {
    const first = await runner.execute(exporters, 'exp-1', register('c-1'));
    const again = await runner.execute(exporters, 'exp-1', register('c-1'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.readStream('exporter-exp-1')).toHaveLength(1);
  });

  it('refuses a stale If-Match with the current revision and stores nothing', async () => {
    await runner.execute(exporters, 'exp-1', register('c-1'));
    await runner.execute(exporters, 'exp-1', certify('c-2'));
    const stale = runner.execute(exporters, 'exp-1', certify('c-3'), { expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(RevisionConflict);
    await expect(stale).rejects.toMatchObject({ currentRevision: '1' });
    expect(await store.readStream('exporter-exp-1')).toHaveLength(2);
  });

  it('lets the domain refuse and stores nothing', async () => {
    await expect(runner.execute(exporters, 'exp-1', certify('c-1'))).rejects.toBeInstanceOf(DomainError);
    expect(await store.readStream('exporter-exp-1')).toEqual([]);
  });

  it('decides again on the new state when a concurrent writer wins the race', async () => {
    await runner.execute(exporters, 'exp-1', register('c-1'));
    const racing = await Promise.allSettled([
      runner.execute(exporters, 'exp-1', certify('c-2')),
      runner.execute(exporters, 'exp-1', { ...certify('c-3'), data: { exporterId: 'exp-1', certificateRef: 'ICP-2' } }),
    ]);
    expect(racing.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const types = (await store.readStream('exporter-exp-1')).map((e) => e.type);
    expect(types).toEqual(['ExporterRegistered', 'ComplianceProgrammeCertified', 'ComplianceProgrammeCertified']);
  });

  describe('against a store where every append loses the race', () => {
    let appends: number;
    let raced: CommandRunner;
    beforeEach(async () => {
      await runner.execute(exporters, 'exp-1', register('c-1'));
      appends = 0;
      const alwaysRaced: EventStore = {
        append: async (streamId) => {
          appends += 1;
          throw new WrongExpectedRevisionError(streamId, 0n, 1n);
        },
        readStream: (streamId, options) => store.readStream(streamId, options),
        readAll: (options) => store.readAll(options),
        subscribeToAll: (options, handler) => store.subscribeToAll(options, handler),
        close: async () => undefined,
      };
      raced = new CommandRunner(alwaysRaced, new ManualClock('2026-01-06T02:00:01.000Z'));
    });

    it('decides again a few times, then answers with a RevisionConflict', async () => {
      const outcome = raced.execute(exporters, 'exp-1', certify('c-2'));
      await expect(outcome).rejects.toBeInstanceOf(RevisionConflict);
      await expect(outcome).rejects.toMatchObject({ currentRevision: '1' });
      expect(appends).toBe(WRITE_CONFLICT_RETRY.retries + 1);
    });

    it('does not retry a conditional command: the If-Match revision was the caller’s', async () => {
      await expect(raced.execute(exporters, 'exp-1', certify('c-2'), { expectedRevision: 0n })).rejects.toBeInstanceOf(
        RevisionConflict,
      );
      expect(appends).toBe(1);
    });
  });
});
