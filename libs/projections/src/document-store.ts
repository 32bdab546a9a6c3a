import type Database from 'better-sqlite3';
import { IndexTables } from './indexes/index-tables';
import type { ProjectionIndex } from './indexes/read-model-index';

/**
 * The read-model database: JSON documents per projection, plus each
 * projection's checkpoint. Rows and checkpoint change in one transaction, so
 * a crash never leaves a document ahead of or behind its checkpoint.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS read_model_documents (
    projection TEXT NOT NULL,
    id         TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (projection, id)
  );
  CREATE TABLE IF NOT EXISTS projection_checkpoints (
    projection TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    position   TEXT,
    updated_at TEXT NOT NULL
  );`;

export interface Checkpoint {
  version: number;
  /** Position of the last event handled; null before the first. */
  position: bigint | null;
}

export class DocumentStore {
  private readonly getDoc;
  private readonly putDoc;
  private readonly deleteDoc;
  private readonly listDocs;
  private readonly getCheckpoint;
  private readonly putCheckpoint;
  private readonly dropDocs;
  private readonly dropCheckpoint;
  private readonly renameDocs;
  private readonly renameCheckpoint;
  /** The read models' SQL indexes, written with their documents (`put`, `delete`) and promoted with them. */
  readonly indexes: IndexTables;
  /** Documents parsed since this store opened: what a read costs, for specs that hold it flat. */
  documentsParsed = 0;

  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.indexes = new IndexTables(db);
    this.getDoc = db.prepare<[string, string], { doc: string }>(
      'SELECT doc FROM read_model_documents WHERE projection = ? AND id = ?',
    );
    this.putDoc = db.prepare('INSERT OR REPLACE INTO read_model_documents (projection, id, doc) VALUES (?, ?, ?)');
    this.deleteDoc = db.prepare('DELETE FROM read_model_documents WHERE projection = ? AND id = ?');
    this.listDocs = db.prepare<[string], { doc: string }>(
      'SELECT doc FROM read_model_documents WHERE projection = ? ORDER BY id',
    );
    this.getCheckpoint = db.prepare<[string], { version: number; position: string | null }>(
      'SELECT version, position FROM projection_checkpoints WHERE projection = ?',
    );
    this.putCheckpoint = db.prepare(
      'INSERT OR REPLACE INTO projection_checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, ?)',
    );
    this.dropDocs = db.prepare('DELETE FROM read_model_documents WHERE projection = ?');
    this.dropCheckpoint = db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?');
    this.renameDocs = db.prepare('UPDATE read_model_documents SET projection = ? WHERE projection = ?');
    this.renameCheckpoint = db.prepare('UPDATE projection_checkpoints SET projection = ? WHERE projection = ?');
  }

  get<Doc>(projection: string, id: string): Doc | null {
    const row = this.getDoc.get(projection, id);
    return row ? this.parse<Doc>(row.doc) : null;
  }

  /**
   * With the read model's index, its rows are replaced in the same statement
   * sequence (run it in a transaction). `fresh`: the caller knows the store
   * had no such document, so it has no rows to look up.
   */
  put<Doc>(
    projection: string,
    id: string,
    doc: Doc,
    index?: ProjectionIndex<Doc>,
    options?: { fresh?: boolean },
  ): void {
    this.putDoc.run(projection, id, JSON.stringify(doc));
    if (index) this.indexes.write(projection, id, index, doc, options?.fresh);
  }

  delete<Doc>(projection: string, id: string, index?: ProjectionIndex<Doc>): void {
    this.deleteDoc.run(projection, id);
    if (index) this.indexes.write(projection, id, index, null);
  }

  all<Doc>(projection: string): Doc[] {
    return this.listDocs.all(projection).map((row) => this.parse<Doc>(row.doc));
  }

  parse<Doc>(text: string): Doc {
    this.documentsParsed += 1;
    return JSON.parse(text) as Doc;
  }

  checkpoint(projection: string): Checkpoint | null {
    const row = this.getCheckpoint.get(projection);
    if (!row) return null;
    return { version: row.version, position: row.position === null ? null : BigInt(row.position) };
  }

  saveCheckpoint(projection: string, checkpoint: Checkpoint, at: string): void {
    this.putCheckpoint.run(projection, checkpoint.version, checkpoint.position?.toString() ?? null, at);
  }

  /** Forget a read model entirely, so it is rebuilt from position 0. */
  reset(projection: string): void {
    this.db.transaction(() => {
      this.dropDocs.run(projection);
      this.dropCheckpoint.run(projection);
      this.indexes.dropStorage(projection);
    })();
  }

  /**
   * In one transaction, the documents and checkpoint kept under `shadow`
   * become `live`'s and `live`'s old ones are gone: a reader sees the old
   * read model or the new one, never a mix or nothing.
   */
  promote(shadow: string, live: string): void {
    this.db.transaction(() => {
      this.dropDocs.run(live);
      this.dropCheckpoint.run(live);
      this.renameDocs.run(live, shadow);
      this.renameCheckpoint.run(live, shadow);
      this.indexes.rename(shadow, live);
    })();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
