import type { EventStore } from '@licensing/event-store';
import { DocumentStore, ProjectionRunner, readModelProjections } from '@licensing/projections';
import {
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  promtoolCheck,
  registerNingbo,
  samples,
  type ServiceClient,
  valueOf,
} from '@licensing/service-testing';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EVENT_STORE } from '../src/infrastructure/tokens';
import { holdReadsFromTheStart } from './held-reads';
import { RunningService } from './running-service';

// Hundreds of commands, then rebuilds of every read model, on two shared cores.
jest.setTimeout(120_000);

const NOW = '2026-11-23T02:00:00.000Z';
/** Applications made through the API, then copied straight into the store to make a log of thousands of events. */
const APPLICATIONS = 20;
const COPIES = 1_200;
const READ_MODELS = readModelProjections().map((projection) => projection.name);

/** Runs `work` for each item, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

async function ok(reply: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
}

interface Sample {
  state: string;
  doneEvents: number;
  totalEvents: number;
}

/**
 * Rebuilds through the HTTP API while clients keep reading and writing:
 * every read answers from the live read models (never a 404, never an
 * older revision than one already read), the progress grows to completion,
 * and the result equals a clean rebuild of the same log.
 */
describe('POST /admin/read-models/rebuild: a rebuild without downtime', () => {
  const service = new RunningService({ keepAliveTimeoutMs: 60_000 });
  let client: ServiceClient;
  const made = Array.from({ length: APPLICATIONS }, (_, n) => `rb-${n}`);
  const ids = [...made, ...Array.from({ length: COPIES }, (_, n) => `rb-copy-${n}`)];

  beforeAll(async () => {
    client = await service.start(NOW);
    await ok(client.post('/exporters', exporterUser, registerNingbo), 'registration');
    await inParallel(made, 8, async (id) => {
      await ok(client.post('/applications', exporterUser, magnetApplication(id)), `draft ${id}`);
      await ok(client.post(`/applications/${id}/submit`, exporterUser), `submit ${id}`);
    });
    // Each copy: the drafted and submitted events of a made application, under a new id (new event ids, sealed anew).
    const store = service.provider<EventStore>(EVENT_STORE);
    const original = await store.readStream('application-rb-0', { raw: true });
    await inParallel(
      ids.slice(APPLICATIONS),
      8,
      async (id) =>
        void (await store.append(
          `application-${id}`,
          original.map((event) => ({
            id: randomUUID(),
            type: event.type,
            version: event.version,
            data: JSON.parse(JSON.stringify(event.data).replaceAll('"rb-0"', JSON.stringify(id))) as unknown,
            metadata: event.metadata,
          })),
          { expectedRevision: 'no_stream' },
        )),
    );
    await service.provider<ProjectionRunner>(ProjectionRunner).catchUp(60_000);
  });
  afterAll(() => service.dispose());

  /** Every read model's documents, as the service holds them now. */
  const documentsNow = () => {
    const documents = service.provider<DocumentStore>(DocumentStore);
    return Object.fromEntries(READ_MODELS.map((name) => [name, documents.all(name)]));
  };

  /** Every read model rebuilt from nothing out of the service's event log, in a database of its own. */
  async function cleanRebuild(): Promise<Record<string, unknown[]>> {
    const db = new Database(join(service.dataDir, `clean-${Date.now()}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const documents = new DocumentStore(db);
    const runner = new ProjectionRunner(service.provider<EventStore>(EVENT_STORE), documents, readModelProjections(), {
      now: () => NOW,
    });
    try {
      await runner.start();
      return Object.fromEntries(READ_MODELS.map((name) => [name, documents.all(name)]));
    } finally {
      await runner.stop();
      db.close();
    }
  }

  it('keeps answering every read while it runs, reports its progress to completion, and ends equal to a clean rebuild', async () => {
    const started = await client.post('/admin/read-models/rebuild', opsUser);
    expect(started.status).toBe(202);
    const location = started.headers.get('location') ?? '';
    expect(location).toBe(`/ops/rebuilds/${started.body.id as string}`);
    expect(started.body).toMatchObject({ state: 'running', readModels: READ_MODELS.map((name) => ({ name })) });

    let running = true;
    const problems: string[] = [];
    const revisions = new Map<string, number>();
    let readsWhileRunning = 0;
    const reader = async () => {
      for (let n = 0; running; n += 1) {
        const id = ids[(n * 37) % ids.length] as string;
        const reply = await client.get(`/applications/${id}`, officer);
        if (reply.status !== 200) problems.push(`GET /applications/${id} answered ${reply.status}`);
        else if ((reply.body.revision as number) < (revisions.get(id) ?? 0))
          problems.push(`${id} went back to revision ${reply.body.revision as number}`);
        else revisions.set(id, reply.body.revision as number);
        if (running) readsWhileRunning += 1;
      }
    };
    // Commands keep coming too: each waits for the read models, and its write must be in the result.
    let accepted = 0;
    const writer = async () => {
      while (running && accepted < ids.length) {
        await ok(client.post(`/applications/${ids[accepted] as string}/accept`, officer), 'accept');
        accepted += 1;
      }
    };
    const samples: Sample[] = [];
    const follow = async () => {
      for (;;) {
        const reply = await client.get(location, auditor);
        expect(reply.status).toBe(200);
        samples.push(reply.body as Sample);
        if (reply.body.state !== 'running') break;
      }
      running = false;
    };
    await Promise.all([reader(), reader(), writer(), follow()]);

    expect(problems).toEqual([]);
    expect(readsWhileRunning).toBeGreaterThan(10);
    expect(accepted).toBeGreaterThan(0);
    const done = samples.map((sample) => sample.doneEvents);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(samples.some((sample) => sample.state === 'running' && sample.doneEvents < sample.totalEvents)).toBe(true);
    const last = samples.at(-1);
    expect(last).toMatchObject({ state: 'completed', error: null, etaSeconds: null });
    expect(last?.doneEvents).toBe(last?.totalEvents);

    // What was accepted during the rebuild is in the rebuilt read models, as in a clean rebuild.
    const accepts = await client.get(`/applications/${ids[0] as string}`, officer);
    expect(accepts.body.recordedStatus).not.toBe('submitted');
    expect(documentsNow()).toEqual(await cleanRebuild());
    const listed = await client.get('/ops/rebuilds', opsUser);
    expect(listed.body.rebuilds[0]).toEqual(last);
  });

  it('rebuilds one read model and leaves the others as they were; refuses a second one of it meanwhile; shows it in metrics', async () => {
    const before = documentsNow();
    const runner = service.provider<ProjectionRunner>(ProjectionRunner);
    const started = await client.post('/admin/read-models/rebuild?readModel=exporter-view', opsUser);
    expect(started.status).toBe(202);
    expect(started.body.readModels.map((model: { name: string }) => model.name)).toEqual(['exporter-view']);
    const finished = await runner.rebuilds.finished(started.body.id as string);
    expect(finished).toMatchObject({ state: 'completed', readModels: [{ name: 'exporter-view', swapped: true }] });
    expect(documentsNow()).toEqual(before);

    // A rebuild of that read model while one runs: 409, naming it; an unknown read model: 400.
    const held = holdReadsFromTheStart(service.provider<EventStore>(EVENT_STORE));
    const first = runner.rebuilds.start(['license-state']);
    let again, unknown, scrape;
    try {
      again = await client.post('/admin/read-models/rebuild', opsUser);
      unknown = await client.post('/admin/read-models/rebuild?readModel=nope', opsUser);
      scrape = (await client.get('/metrics', null)).body as string;
    } finally {
      held.release();
    }
    expect(await runner.rebuilds.finished(first.id)).toMatchObject({ state: 'completed' });
    // Its progress by read model while it ran (no other read model, no id in a label), promtool-clean.
    const running = samples(scrape).filter((sample) => sample.name.startsWith('licensing_projection_rebuild_'));
    expect(running.map((sample) => [sample.name, sample.labels])).toEqual([
      ['licensing_projection_rebuild_done_events', { read_model: 'license-state' }],
      ['licensing_projection_rebuild_total_events', { read_model: 'license-state' }],
    ]);
    expect(promtoolCheck(scrape)).toEqual({ status: 0, output: '' });
    const after = samples((await client.get('/metrics', null)).body as string);
    expect(valueOf(after, 'licensing_projection_rebuilds_total', { outcome: 'completed' })).toBe(3);
    expect(after.filter((sample) => sample.name.startsWith('licensing_projection_rebuild_'))).toEqual([]);
    expect({ status: again.status, code: again.body.code, rebuildId: again.body.rebuildId }).toEqual({
      status: 409,
      code: 'admin.rebuild_in_progress',
      rebuildId: first.id,
    });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 400, code: 'request.invalid' });
  });
});
