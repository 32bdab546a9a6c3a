import Database from 'better-sqlite3';
import { DocumentStore } from '../document-store';
import { shadowName } from '../rebuild/shadow-rebuild';
import { readModelProjections } from '../read-models';
import { documentIndexName, documentRowsSql } from './index-tables';
import { shadowTableName } from './shadow-tables';
import { exporterViewProjection } from '../read-models/exporter-view/exporter-view-projection';
import { licenseStateProjection } from '../read-models/license-state/license-state-projection';
import {
  APPLICATION_ROWS,
  APPLICATION_TERMS,
  LICENSE_ROWS,
  LICENSE_TERMS,
} from '../read-models/license-state/license-state-index';
import { buildReadModel, generatedCases, toRecorded } from '../read-models/testing/generated-cases';

const TABLES = [APPLICATION_ROWS, LICENSE_ROWS, APPLICATION_TERMS, LICENSE_TERMS];
const LIVE = licenseStateProjection.name;

function dump(documents: DocumentStore, storage: string): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      documents.db
        .prepare(`SELECT * FROM ${table} WHERE storage = ? ORDER BY doc_id, rowid`)
        .all(storage)
        .map((row) => {
          const { storage: _, ...rest } = row as Record<string, unknown>;
          return JSON.stringify(rest);
        })
        .sort(),
    ]),
  );
}

/** Every index table and index of the database, with its definition: what a promotion must leave as a clean build has it. */
function schemaOf(documents: DocumentStore): string[] {
  return documents.db
    .prepare<[], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (name LIKE 'license_state%' OR tbl_name LIKE 'license_state%') ORDER BY name",
    )
    .all()
    .map(({ type, name, sql }) => `${type} ${name}: ${sql}`);
}

const shadowTables = (documents: DocumentStore) =>
  documents.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%@%'")
    .all()
    .map((row) => row.name);

describe('read-model index tables', () => {
  const events = toRecorded(generatedCases(160, { exporters: 5, reviewers: 2 }));

  it('a shadow rebuild promoted over a stale live model leaves the index equal to a clean build', () => {
    const clean = new DocumentStore(new Database(':memory:'));
    buildReadModel(clean, licenseStateProjection, events);

    const rebuilt = new DocumentStore(new Database(':memory:'));
    // The live model is stale: it saw only some events (as after a changed evolve).
    buildReadModel(rebuilt, licenseStateProjection, events.slice(0, 300));
    buildReadModel(rebuilt, licenseStateProjection, events, shadowName(LIVE));
    expect(dump(rebuilt, LIVE)).not.toEqual(dump(clean, LIVE));
    rebuilt.promote(shadowName(LIVE), LIVE);

    expect(dump(rebuilt, LIVE)).toEqual(dump(clean, LIVE));
    expect(dump(rebuilt, LIVE)[APPLICATION_ROWS]).toHaveLength(160);
    expect(Object.values(dump(rebuilt, shadowName(LIVE))).flat()).toEqual([]);
    // Every index the queries name (INDEXED BY) is back, defined as in a clean build, and no shadow table is left.
    expect(schemaOf(rebuilt)).toEqual(schemaOf(clean));
    expect(shadowTables(rebuilt)).toEqual([]);
  });

  it("keeps a shadow's rows in tables of its own, with the document index only, and the live rows untouched", () => {
    const documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, events.slice(0, 300));
    const live = dump(documents, LIVE);
    buildReadModel(documents, licenseStateProjection, events, shadowName(LIVE));

    expect(dump(documents, LIVE)).toEqual(live);
    const shadowRows = shadowTableName(APPLICATION_ROWS, shadowName(LIVE));
    const indexesOf = (table: string) =>
      documents.db
        .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
        .all(table)
        .map((row) => row.name);
    expect(indexesOf(shadowRows)).toEqual([documentIndexName(shadowRows)]);
    expect(indexesOf(APPLICATION_ROWS).length).toBeGreaterThan(5);
    // Under the live name already, so that promoting it rewrites no row.
    expect(documents.db.prepare(`SELECT storage, count(*) AS n FROM "${shadowRows}" GROUP BY storage`).all()).toEqual([
      { storage: LIVE, n: 160 },
    ]);
  });

  it("a promotion keeps the rows other storages have in a live table, and drops a shadow's rows of the old layout", () => {
    const documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, events.slice(0, 300));
    buildReadModel(documents, licenseStateProjection, events.slice(0, 200), 'another-model');
    const another = dump(documents, 'another-model');
    // Rows a rebuild wrote beside the live ones before shadows had tables of their own.
    const columns = documents.db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(APPLICATION_ROWS)
      .map((row) => row.name)
      .filter((name) => name !== 'storage');
    documents.db
      .prepare(
        `INSERT INTO ${APPLICATION_ROWS} (storage, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM ${APPLICATION_ROWS} WHERE storage = ?`,
      )
      .run(shadowName(LIVE), LIVE);
    expect(dump(documents, shadowName(LIVE))[APPLICATION_ROWS]!.length).toBeGreaterThan(0);

    buildReadModel(documents, licenseStateProjection, events, shadowName(LIVE));
    documents.promote(shadowName(LIVE), LIVE);

    expect(dump(documents, 'another-model')).toEqual(another);
    expect(dump(documents, LIVE)[APPLICATION_ROWS]).toHaveLength(160);
    expect(Object.values(dump(documents, shadowName(LIVE))).flat()).toEqual([]);
  });

  it('rows kept up event by event (only the changed ones rewritten) equal the rows of the final documents written once', () => {
    const followed = new DocumentStore(new Database(':memory:'));
    buildReadModel(followed, licenseStateProjection, events);
    const once = new DocumentStore(new Database(':memory:'));
    const documents = followed.db
      .prepare<[string], { id: string; doc: string }>('SELECT id, doc FROM read_model_documents WHERE projection = ?')
      .all(LIVE);
    for (const { id, doc } of documents) once.put(LIVE, id, JSON.parse(doc), licenseStateProjection.index);

    expect(documents.length).toBeGreaterThan(160);
    expect(dump(followed, LIVE)).toEqual(dump(once, LIVE));
  });

  it("finds a document's rows by its own index in every table, whatever the table's other indexes", () => {
    const documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, events);
    for (const projection of readModelProjections()) {
      if (projection.index === undefined) continue;
      documents.indexes.declare(projection.index);
      for (const table of projection.index.tables) {
        const plan = documents.db
          .prepare<[string, string], { detail: string }>(`EXPLAIN QUERY PLAN ${documentRowsSql(table)}`)
          .all(LIVE, 'application:gen-0000004')
          .map((row) => row.detail);
        expect(plan).toEqual([
          `SEARCH ${table.name} USING INDEX ${documentIndexName(table.name)} (storage=? AND doc_id=?)`,
        ]);
      }
    }
  });

  it("a reset drops the read model's index rows with its documents, and only its own", () => {
    const documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, events);
    buildReadModel(documents, licenseStateProjection, events, shadowName(LIVE));
    buildReadModel(documents, exporterViewProjection, events, shadowName(exporterViewProjection.name));
    const otherShadow = shadowTables(documents).filter((name) => !name.startsWith('license_state'));
    expect(shadowTables(documents)).toContain(shadowTableName(APPLICATION_ROWS, shadowName(LIVE)));
    expect(otherShadow.length).toBeGreaterThan(0);

    documents.reset(shadowName(LIVE));

    expect(shadowTables(documents)).toEqual(otherShadow);
    expect(dump(documents, LIVE)[APPLICATION_ROWS]).toHaveLength(160);
  });

  it("replaces a document's rows when it changes and removes them when it is deleted", () => {
    const documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, events);
    const rowsOf = (docId: string) =>
      documents.db
        .prepare(`SELECT recorded_status FROM ${APPLICATION_ROWS} WHERE storage = ? AND doc_id = ?`)
        .all(LIVE, docId);
    // gen-0000004 stops at `reviewed`; gen-0000005 is approved.
    expect(rowsOf('application:gen-0000004')).toEqual([{ recorded_status: 'reviewed' }]);
    expect(rowsOf('application:gen-0000005')).toEqual([{ recorded_status: 'approved' }]);
    documents.delete(LIVE, 'application:gen-0000005', licenseStateProjection.index);
    expect(rowsOf('application:gen-0000005')).toEqual([]);
  });
});
