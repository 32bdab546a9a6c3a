import { openSqliteEventStore } from '@licensing/event-store';
import { DocumentStore, ProjectionRunner, readModelProjections } from '@licensing/projections';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type As,
  exporterUser,
  magnetApplication,
  registerNingbo,
  type Reply,
  type ServiceClient,
} from '@licensing/service-testing';
import { ServiceProcess } from './support/service-process';

interface SentCommand {
  path: string;
  body: unknown;
  key: string;
  /** The exporter user, acting for the exporter the command is about (their data scope). */
  as: As;
  reply: Reply | null;
}

const WORKERS = 6;
const KILL_AFTER_ACKNOWLEDGED = 90;

/** Each worker registers an exporter, drafts and submits its application, again and again. */
function commandsOf(worker: number, round: number): Omit<SentCommand, 'reply'>[] {
  const exporterId = `crash-exp-${worker}-${round}`;
  const applicationId = `crash-app-${worker}-${round}`;
  const draft = magnetApplication(applicationId);
  const as: As = { ...exporterUser, exporterIds: [exporterId] };
  return [
    { path: '/exporters', body: { ...registerNingbo, exporterId }, key: `register-${exporterId}`, as },
    {
      path: '/applications',
      body: { ...draft, application: { ...draft.application, exporterId } },
      key: `draft-${applicationId}`,
      as,
    },
    { path: `/applications/${applicationId}/submit`, body: {}, key: `submit-${applicationId}`, as },
  ];
}

async function burstUntilKilled(client: ServiceClient, service: ServiceProcess): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  let acknowledged = 0;
  let killed = null as Promise<void> | null; // set inside the workers, so not narrowed to null below
  const worker = async (id: number) => {
    for (let round = 0; killed === null; round += 1) {
      for (const command of commandsOf(id, round)) {
        const entry: SentCommand = { ...command, reply: null };
        sent.push(entry);
        try {
          entry.reply = await client.post(command.path, command.as, command.body, { 'Idempotency-Key': command.key });
        } catch {
          return; // the connection died with the process: not acknowledged
        }
        if (entry.reply.status >= 300)
          throw new Error(`${command.path} answered ${entry.reply.status}: ${JSON.stringify(entry.reply.body)}`);
        acknowledged += 1;
        if (acknowledged >= KILL_AFTER_ACKNOWLEDGED && killed === null) killed = service.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));
  await killed;
  return sent;
}

function dumpReadModels(filename: string): Record<string, unknown[]> {
  const db = new Database(filename, { readonly: true });
  try {
    const documents = new DocumentStore(db);
    return Object.fromEntries(readModelProjections().map((p) => [p.name, documents.all(p.name)]));
  } finally {
    db.close();
  }
}

async function cleanRebuild(dataDir: string, into: string): Promise<Record<string, unknown[]>> {
  const store = openSqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  const db = new Database(into);
  const runner = new ProjectionRunner(store, new DocumentStore(db), readModelProjections(), {
    now: () => new Date().toISOString(),
  });
  try {
    await runner.start();
    await runner.stop();
  } finally {
    db.close();
    await store.close();
  }
  return dumpReadModels(into);
}

describe('SIGKILL during a burst of commands, then restart (service in its own process, SQLite file)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
  const service = new ServiceProcess(dataDir, { CLOCK_FIXED_AT: '2026-11-23T02:00:00Z' });
  let sent: SentCommand[] = [];
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start();
    sent = await burstUntilKilled(client, service);
    client = await service.start();
  }, 120_000);

  afterAll(async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const acknowledged = () => sent.filter((s) => s.reply !== null);

  it('was killed mid-burst, with commands still in flight', () => {
    expect(acknowledged().length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(sent.length).toBeGreaterThan(acknowledged().length);
  });

  it('finds every acknowledged command stored, and the read models show it after the restart', async () => {
    for (const command of acknowledged()) {
      const { id, revision } = command.reply?.body as { id: string; revision: string };
      const resource = command.path.startsWith('/exporters') ? 'exporters' : 'applications';
      const view = await client.get(`/${resource}/${id}`, command.as);
      expect({ path: command.path, status: view.status }).toEqual({ path: command.path, status: 200 });
      expect(view.body.revision).toBeGreaterThanOrEqual(Number(revision));
    }
  });

  it('answers every retried command with its first result, so nothing is stored twice', async () => {
    for (const command of sent) {
      const retry = await client.post(command.path, command.as, command.body, { 'Idempotency-Key': command.key });
      expect({ path: command.path, status: retry.status < 300 }).toEqual({ path: command.path, status: true });
      if (command.reply) expect(retry.body).toEqual(command.reply.body);
    }
    for (const { key, as } of sent.filter((s) => s.path === '/applications')) {
      const applicationId = key.replace('draft-', '');
      const submitted = sent.some((s) => s.path === `/applications/${applicationId}/submit`);
      const view = await client.get(`/applications/${applicationId}`, as);
      expect(view.body.history.map((h: { type: string }) => h.type)).toEqual(
        submitted ? ['ApplicationDrafted', 'ApplicationSubmitted'] : ['ApplicationDrafted'],
      );
    }
  });

  it('has read models equal to a clean rebuild from the event log', async () => {
    await service.stop();
    const live = dumpReadModels(join(dataDir, 'read-models.sqlite'));
    const rebuilt = await cleanRebuild(dataDir, join(dataDir, 'rebuilt.sqlite'));
    // The burst drafts and submits; it decides nothing, so only the decisions index is empty.
    const empty = Object.entries(live).filter(([, docs]) => docs.length === 0);
    expect(empty.map(([name]) => name)).toEqual(['decisions-by-measure']);
    expect(live).toEqual(rebuilt);
  });
});
