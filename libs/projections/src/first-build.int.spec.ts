import { matchesFilter, openSqliteEventStore, type RecordedEvent, type SqliteEventStore } from '@licensing/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from './document-store';
import { ProjectionRunner } from './projection-runner';
import { licenseStateProjection } from './read-models/license-state/license-state-projection';
import { buildReadModel, generatedCases } from './read-models/testing/generated-cases';
import { toProposed } from './read-models/testing/decided-events';
import { shadowName } from './storage-names';

const LIVE = licenseStateProjection.name;
const SHADOW = shadowName(LIVE);

/** The read model as stored: its documents, checkpoint, index rows and the definitions of its tables and indexes. */
function snapshot(documents: DocumentStore) {
  const { db } = documents;
  const tables = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE name LIKE 'license_state%' OR tbl_name LIKE 'license_state%' ORDER BY name",
    )
    .all();
  const rows = Object.fromEntries(
    tables
      .filter((table) => table.sql.startsWith('CREATE TABLE'))
      .map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY doc_id, rowid`).all()]),
  );
  return {
    schema: tables.map((table) => table.sql),
    rows,
    documents: db.prepare('SELECT projection, id, doc FROM read_model_documents ORDER BY projection, id').all(),
    checkpoints: db.prepare('SELECT projection, version, position FROM projection_checkpoints').all(),
  };
}

describe('a read model built from position 0 when the runner starts', () => {
  let dir: string;
  let store: SqliteEventStore;
  let recorded: RecordedEvent[];
  const databases: Database.Database[] = [];

  const documentsIn = (name: string) => {
    const db = new Database(join(dir, name));
    databases.push(db);
    return new DocumentStore(db);
  };
  const start = async (documents: DocumentStore, log: (line: string) => void = () => undefined) => {
    const runner = new ProjectionRunner(store, documents, [licenseStateProjection], { now: () => 'now', log });
    await runner.start();
    await runner.stop();
  };
  /** What following every event in place gives, with the checkpoint the runner writes. */
  const cleanBuild = () => {
    const clean = documentsIn(`clean-${databases.length}.sqlite`);
    buildReadModel(clean, licenseStateProjection, recorded);
    const applied = recorded.filter((event) => matchesFilter(licenseStateProjection.filter, event));
    clean.saveCheckpoint(LIVE, { version: licenseStateProjection.version, position: applied.at(-1)!.position }, 'now');
    return snapshot(clean);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'first-build-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    for (const event of generatedCases(80, { exporters: 4, reviewers: 2 }))
      await store.append(event.streamId, [toProposed(event)], { expectedRevision: 'any' });
    recorded = await store.readAll({ maxCount: 100_000 });
  });

  afterAll(async () => {
    for (const db of databases) db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds it in shadow storage and swaps it in when caught up: the read model a build in place gives, every index included', async () => {
    const documents = documentsIn('fresh.sqlite');
    const promote = jest.spyOn(documents, 'promote');

    await start(documents);

    expect(promote.mock.calls).toEqual([[SHADOW, LIVE]]);
    expect(snapshot(documents)).toEqual(cleanBuild());
  });

  it('replaces an outdated version whole', async () => {
    const documents = documentsIn('outdated.sqlite');
    buildReadModel(documents, licenseStateProjection, recorded.slice(0, 200));
    documents.put(LIVE, 'application:from-the-old-version', { stale: true });
    documents.saveCheckpoint(LIVE, { version: licenseStateProjection.version - 1, position: 5n }, 'then');
    const log: string[] = [];

    await start(documents, (line) => log.push(line));

    expect(snapshot(documents)).toEqual(cleanBuild());
    expect(log).toContain(
      `${LIVE}: version ${licenseStateProjection.version - 1} -> ${licenseStateProjection.version}, rebuilding from position 0`,
    );
  });

  it("resumes a first build cut short from its shadow's checkpoint instead of starting over", async () => {
    const documents = documentsIn('resumed.sqlite');
    const cut = recorded[300]!;
    buildReadModel(documents, licenseStateProjection, recorded.slice(0, 301), SHADOW);
    documents.saveCheckpoint(SHADOW, { version: licenseStateProjection.version, position: cut.position }, 'then');
    // Only a build that goes on from the checkpoint keeps what the shadow held.
    documents.put(SHADOW, 'application:kept-from-before-the-restart', { kept: true });

    await start(documents);

    expect(documents.get(LIVE, 'application:kept-from-before-the-restart')).toEqual({ kept: true });
    documents.delete(LIVE, 'application:kept-from-before-the-restart');
    expect(snapshot(documents)).toEqual(cleanBuild());
  });

  it('goes on from a current checkpoint in place, dropping what a rebuild cut short left', async () => {
    const documents = documentsIn('current.sqlite');
    buildReadModel(documents, licenseStateProjection, recorded.slice(0, 301));
    const checkpoint = { version: licenseStateProjection.version, position: recorded[300]!.position };
    documents.saveCheckpoint(LIVE, checkpoint, 'now');
    buildReadModel(documents, licenseStateProjection, recorded.slice(0, 50), SHADOW);
    documents.saveCheckpoint(SHADOW, checkpoint, 'then');
    const promote = jest.spyOn(documents, 'promote');

    await start(documents);

    expect(promote).not.toHaveBeenCalled();
    expect(snapshot(documents)).toEqual(cleanBuild());
  });
});
