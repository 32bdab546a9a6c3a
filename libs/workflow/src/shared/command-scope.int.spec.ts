import type { Actor, ApplicationCommand, ApplicationState, CommandMetadata, RegisterExporter } from '@licensing/domain';
import { anIndividualApplication } from '@licensing/domain/testing';
import { openSqliteEventStore, type EventStore } from '@licensing/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applications, exporters } from './aggregates';
import { ManualClock } from './clock';
import { CommandRunner } from './command-runner';

const liWei: Actor = { id: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] };
const wuHao: Actor = { id: 'wu.hao', role: 'exporter', exporterIds: ['baotou-rare-earth'] };
const officer: Actor = { id: 'zhang.min', role: 'licensing_officer' };
const auditor: Actor = { id: 'liu.yang', role: 'auditor' };

let commands = 0;
const meta = (actor: Actor): CommandMetadata => ({
  commandId: `c-${++commands}`,
  actor,
  occurredAt: '2026-01-05T02:00:00.000Z',
});

const draft = (applicationId: string, exporterId: string, actor: Actor): ApplicationCommand => ({
  type: 'DraftApplication',
  data: { applicationId, application: anIndividualApplication({ exporterId }) },
  metadata: meta(actor),
});
const submit = (applicationId: string, actor: Actor): ApplicationCommand => ({
  type: 'SubmitApplication',
  data: { applicationId },
  metadata: meta(actor),
});
const register = (exporterId: string, actor: Actor): RegisterExporter => ({
  type: 'RegisterExporter',
  data: {
    exporterId,
    name: 'Baotou Rare Earth Co., Ltd.',
    unifiedSocialCreditCode: '91150200MA0N1234XY',
    country: 'CN',
    dualUseExportHistory: { years: 5 },
    licensedExportsLastThreeYears: 3,
  },
  metadata: meta(actor),
});

describe("CommandRunner holds every command to the actor's data scope", () => {
  let dir: string;
  let store: EventStore;
  let runner: CommandRunner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scope-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    runner = new CommandRunner(store, new ManualClock('2026-01-05T02:00:01.000Z'));
    await runner.execute(applications, 'app-b', draft('app-b', 'baotou-rare-earth', wuHao));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers another exporter's stream as not found and stores nothing", async () => {
    await expect(runner.execute(applications, 'app-b', submit('app-b', liWei))).rejects.toMatchObject({
      kind: 'not_found',
      code: 'application.not_found',
      message: 'There is no application app-b you can act on. You act for: ningbo-magnetics.',
    });
    expect(await store.readStream('application-app-b')).toHaveLength(1);
  });

  it('refuses a scoped actor on an empty stream in the very same words (no enumeration)', async () => {
    const missing = runner.execute(applications, 'app-x', submit('app-x', liWei));
    await expect(missing).rejects.toMatchObject({
      code: 'application.not_found',
      message: 'There is no application app-x you can act on. You act for: ningbo-magnetics.',
    });
    // A role reaching all data still hears the decider's own answer.
    const accept: ApplicationCommand = {
      type: 'AcceptApplication',
      data: { applicationId: 'app-x' },
      metadata: meta(officer),
    };
    await expect(runner.execute(applications, 'app-x', accept)).rejects.toMatchObject({
      code: 'application.not_found',
      message: 'Cannot accept an application: no application has been drafted. Draft it first.',
    });
  });

  it('starts a case only for an exporter the actor acts for, and never moves a draft to another', async () => {
    await expect(
      runner.execute(applications, 'app-n', draft('app-n', 'baotou-rare-earth', liWei)),
    ).rejects.toMatchObject({ code: 'exporter.not_found', details: { id: 'baotou-rare-earth' } });
    expect(await store.readStream('application-app-n')).toEqual([]);
    await expect(
      runner.execute(exporters, 'baotou-rare-earth', register('baotou-rare-earth', liWei)),
    ).rejects.toMatchObject({ code: 'exporter.not_found' });
    expect(await store.readStream('exporter-baotou-rare-earth')).toEqual([]);

    await runner.execute(applications, 'app-n', draft('app-n', 'ningbo-magnetics', liWei));
    const move: ApplicationCommand = {
      type: 'ReviseDraft',
      data: { applicationId: 'app-n', application: anIndividualApplication({ exporterId: 'baotou-rare-earth' }) },
      metadata: meta(liWei),
    };
    await expect(runner.execute(applications, 'app-n', move)).rejects.toMatchObject({ code: 'exporter.not_found' });
    expect(await store.readStream('application-app-n')).toHaveLength(1);
  });

  it('checks before a builder runs, so nothing is evaluated for an actor out of scope', async () => {
    const build = jest.fn<ApplicationCommand, [ApplicationState]>();
    const outOfScope = runner.execute(applications, 'app-b', {
      type: 'SubmitApplication',
      metadata: meta(liWei),
      build,
    });
    await expect(outOfScope).rejects.toMatchObject({ kind: 'not_found' });
    expect(build).not.toHaveBeenCalled();
  });

  it('refuses a role the table does not allow as forbidden, before any data scope', async () => {
    await expect(runner.execute(applications, 'app-b', submit('app-b', auditor))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'application.forbidden',
    });
    expect(await store.readStream('application-app-b')).toHaveLength(1);
  });

  it('lets the owner act and an exporter acting for several reach each of them', async () => {
    await runner.execute(applications, 'app-b', submit('app-b', wuHao));
    const both: Actor = { ...liWei, exporterIds: ['ningbo-magnetics', 'baotou-rare-earth'] };
    const withdraw: ApplicationCommand = {
      type: 'WithdrawApplication',
      data: { applicationId: 'app-b' },
      metadata: meta(both),
    };
    await expect(runner.execute(applications, 'app-b', withdraw)).resolves.toMatchObject({ revision: 2n });
  });
});
