import Database from 'better-sqlite3';
import { DocumentStore } from '../document-store';
import { shadowName } from '../rebuild/shadow-rebuild';
import { readModelProjections } from '../read-models';
import { documentIndexName, documentRowsSql } from './index-tables';
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
    documents.reset(shadowName(LIVE));
    expect(Object.values(dump(documents, shadowName(LIVE))).flat()).toEqual([]);
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
