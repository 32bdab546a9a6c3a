import type Database from 'better-sqlite3';
import type { IndexTable, IndexValue, ProjectionIndex } from './read-model-index';

const REGISTRY = 'CREATE TABLE IF NOT EXISTS read_model_index_tables (name TEXT PRIMARY KEY)';
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SQLite index over `storage` and these columns, by name: what a query's `INDEXED BY` names. */
export const indexName = (table: string, columns: readonly string[]) => `${table}_${columns.join('_')}`;
/** The index every table has over (`storage`, `doc_id`): a document's rows. */
export const documentIndexName = (table: string) => `${table}_doc`;

/**
 * A document's rows, `[rowid, ...columns]`, by its own index. INDEXED BY:
 * SQLite otherwise may pick a covering index of the table's (one over
 * storage, exporter_id and doc_id covers these columns) that narrows on
 * `storage` alone, reading every row of the read model on each write.
 */
export function documentRowsSql(table: IndexTable): string {
  const columns = Object.keys(table.columns).map(quoted).join(', ');
  return `SELECT rowid, ${columns} FROM ${quoted(table.name)} INDEXED BY ${quoted(documentIndexName(table.name))} WHERE storage = ? AND doc_id = ?`;
}

interface PreparedTable {
  readonly columns: readonly string[];
  readonly insert: Database.Statement;
  /** A document's rows as [rowid, ...columns]. */
  readonly rowsOf: Database.Statement<[string, string], unknown[]>;
  readonly deleteRow: Database.Statement<[number | bigint]>;
}

/**
 * The index tables of every read model in this database. The registry table
 * names them all, so a reset or a promotion reaches tables this process has
 * not written to yet (a rebuild started before any event of the kind).
 */
export class IndexTables {
  private readonly prepared = new Map<string, PreparedTable>();
  private readonly declared = new WeakSet<ProjectionIndex<never>>();

  constructor(private readonly db: Database.Database) {
    db.exec(REGISTRY);
  }

  declare(index: ProjectionIndex<never>): void {
    if (this.declared.has(index)) return;
    for (const table of index.tables) this.create(table);
    this.declared.add(index);
  }

  /**
   * Replaces the rows of one document (null: it is gone). Only rows that
   * changed are deleted or inserted: most events change a document's status
   * or a date, not its many search words, and every row rewritten is every
   * index of its table rewritten. `fresh`: the document is new to the
   * store, so it has no rows yet and none are looked up.
   */
  write<Doc>(storage: string, docId: string, index: ProjectionIndex<Doc>, doc: Doc | null, fresh = false): void {
    this.declare(index);
    const wanted = new Map<string, IndexValue[][]>();
    for (const row of doc === null ? [] : index.rows(doc, docId)) {
      const table = this.prepared.get(row.table);
      if (!table) throw new Error(`Index row for undeclared table ${row.table}`);
      const values = table.columns.map((column): IndexValue => row.values[column] ?? null);
      wanted.set(row.table, [...(wanted.get(row.table) ?? []), values]);
    }
    for (const { name } of index.tables) {
      const table = this.prepared.get(name);
      if (!table) continue;
      if (fresh) for (const values of wanted.get(name) ?? []) table.insert.run(storage, docId, ...values);
      else this.replaceRows(table, storage, docId, wanted.get(name) ?? []);
    }
  }

  private replaceRows(table: PreparedTable, storage: string, docId: string, wanted: IndexValue[][]): void {
    const toInsert = new Map<string, IndexValue[][]>();
    for (const values of wanted) {
      const key = JSON.stringify(values);
      toInsert.set(key, [...(toInsert.get(key) ?? []), values]);
    }
    for (const [rowid, ...values] of table.rowsOf.all(storage, docId)) {
      const same = toInsert.get(JSON.stringify(values));
      // Kept as it is: one wanted row fewer to insert.
      if (same !== undefined && same.length > 0) same.pop();
      else table.deleteRow.run(rowid as number | bigint);
    }
    for (const rows of toInsert.values()) for (const values of rows) table.insert.run(storage, docId, ...values);
  }

  dropStorage(storage: string): void {
    for (const name of this.names()) this.db.prepare(`DELETE FROM ${quoted(name)} WHERE storage = ?`).run(storage);
  }

  /** Run inside the documents' own promotion transaction. */
  rename(from: string, to: string): void {
    for (const name of this.names()) {
      this.db.prepare(`DELETE FROM ${quoted(name)} WHERE storage = ?`).run(to);
      this.db.prepare(`UPDATE ${quoted(name)} SET storage = ? WHERE storage = ?`).run(to, from);
    }
  }

  private names(): string[] {
    return this.db
      .prepare<[], { name: string }>('SELECT name FROM read_model_index_tables')
      .all()
      .map((row) => row.name);
  }

  private create(table: IndexTable): void {
    const columns = Object.keys(table.columns);
    const name = quoted(table.name);
    const definitions = columns.map((column) => `${quoted(column)} ${table.columns[column]}`);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${name} (storage TEXT NOT NULL, doc_id TEXT NOT NULL, ${definitions.join(', ')})`,
    );
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${quoted(documentIndexName(table.name))} ON ${name} (storage, doc_id)`);
    for (const indexed of table.indexes) {
      const named = quoted(indexName(table.name, indexed));
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${named} ON ${name} (storage, ${indexed.map(quoted).join(', ')})`);
    }
    this.db.prepare('INSERT OR IGNORE INTO read_model_index_tables (name) VALUES (?)').run(table.name);
    const placeholders = columns.map(() => '?').join(', ');
    this.prepared.set(table.name, {
      columns,
      insert: this.db.prepare(
        `INSERT INTO ${name} (storage, doc_id, ${columns.map(quoted).join(', ')}) VALUES (?, ?, ${placeholders})`,
      ),
      rowsOf: this.db.prepare<[string, string], unknown[]>(documentRowsSql(table)).raw(true),
      deleteRow: this.db.prepare<[number | bigint]>(`DELETE FROM ${name} WHERE rowid = ?`),
    });
  }
}
