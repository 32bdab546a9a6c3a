import type Database from 'better-sqlite3';
import { liveNameOfShadow } from '../storage-names';
import type { IndexTable, IndexValue, ProjectionIndex } from './read-model-index';
import { quoted, shadowTableName, swapInShadowTable } from './shadow-tables';

const REGISTRY = 'CREATE TABLE IF NOT EXISTS read_model_index_tables (name TEXT PRIMARY KEY)';

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
export function documentRowsSql(table: IndexTable, physicalTable = table.name): string {
  const columns = Object.keys(table.columns).map(quoted).join(', ');
  return `SELECT rowid, ${columns} FROM ${quoted(physicalTable)} INDEXED BY ${quoted(documentIndexName(physicalTable))} WHERE storage = ? AND doc_id = ?`;
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
 *
 * A rebuild's shadow keeps its rows in tables of its own (`shadowTableName`)
 * that carry only the document index, and under the live read model's name
 * in `storage`: rows written during a rebuild maintain two B-trees instead of
 * a dozen, and the promotion swaps the table in and builds its indexes once,
 * sorted, instead of rewriting every row's entry in every index.
 */
export class IndexTables {
  /** By physical table: a live table's name, or a shadow's table. */
  private readonly prepared = new Map<string, PreparedTable>();
  private readonly tables = new Map<string, IndexTable>();
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
    const live = liveNameOfShadow(storage);
    const wanted = new Map<string, IndexValue[][]>();
    for (const row of doc === null ? [] : index.rows(doc, docId)) {
      const table = this.prepared.get(row.table);
      if (!table) throw new Error(`Index row for undeclared table ${row.table}`);
      const values = table.columns.map((column): IndexValue => row.values[column] ?? null);
      wanted.set(row.table, [...(wanted.get(row.table) ?? []), values]);
    }
    for (const { name } of index.tables) {
      const table = live === null ? this.prepared.get(name) : this.shadowTable(name, storage);
      if (!table) continue;
      const rowsStorage = live ?? storage;
      if (fresh) for (const values of wanted.get(name) ?? []) table.insert.run(rowsStorage, docId, ...values);
      else this.replaceRows(table, rowsStorage, docId, wanted.get(name) ?? []);
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

  /** A shadow's tables are dropped whole; a live storage's rows are deleted. */
  dropStorage(storage: string): void {
    const isShadow = liveNameOfShadow(storage) !== null;
    for (const name of this.names()) {
      if (isShadow) this.dropShadowTable(shadowTableName(name, storage));
      // A shadow's rows too: before shadow tables, a rebuild kept them here.
      this.db.prepare(`DELETE FROM ${quoted(name)} WHERE storage = ?`).run(storage);
    }
  }

  /** Run inside the documents' own promotion transaction. */
  rename(from: string, to: string): void {
    for (const name of this.names()) {
      const shadowTable = shadowTableName(name, from);
      this.prepared.delete(shadowTable);
      if (!this.exists(shadowTable)) {
        // The shadow has no row here: neither has the promoted read model.
        this.db.prepare(`DELETE FROM ${quoted(name)} WHERE storage IN (?, ?)`).run(to, from);
      } else {
        swapInShadowTable(this.db, { table: name, shadowTable, dropped: [to, from] });
      }
    }
  }

  private names(): string[] {
    return this.db
      .prepare<[], { name: string }>('SELECT name FROM read_model_index_tables')
      .all()
      .map((row) => row.name);
  }

  private exists(table: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  }

  private dropShadowTable(table: string): void {
    this.prepared.delete(table);
    this.db.exec(`DROP TABLE IF EXISTS ${quoted(table)}`);
  }

  /** The shadow's table for `name`, created on its first row with the document index only. */
  private shadowTable(name: string, shadow: string): PreparedTable {
    const physical = shadowTableName(name, shadow);
    const prepared = this.prepared.get(physical);
    if (prepared) return prepared;
    const table = this.tables.get(name);
    if (!table) throw new Error(`Index rows for undeclared table ${name}`);
    this.createTable(table, physical);
    return this.prepare(table, physical);
  }

  private create(table: IndexTable): void {
    this.createTable(table, table.name);
    for (const indexed of table.indexes) {
      const named = quoted(indexName(table.name, indexed));
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${named} ON ${quoted(table.name)} (storage, ${indexed.map(quoted).join(', ')})`,
      );
    }
    this.db.prepare('INSERT OR IGNORE INTO read_model_index_tables (name) VALUES (?)').run(table.name);
    this.tables.set(table.name, table);
    this.prepare(table, table.name);
  }

  private createTable(table: IndexTable, physical: string): void {
    const definitions = Object.entries(table.columns).map(([column, type]) => `${quoted(column)} ${type}`);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${quoted(physical)} (storage TEXT NOT NULL, doc_id TEXT NOT NULL, ${definitions.join(', ')})`,
    );
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${quoted(documentIndexName(physical))} ON ${quoted(physical)} (storage, doc_id)`,
    );
  }

  private prepare(table: IndexTable, physical: string): PreparedTable {
    const columns = Object.keys(table.columns);
    const placeholders = columns.map(() => '?').join(', ');
    const prepared: PreparedTable = {
      columns,
      insert: this.db.prepare(
        `INSERT INTO ${quoted(physical)} (storage, doc_id, ${columns.map(quoted).join(', ')}) VALUES (?, ?, ${placeholders})`,
      ),
      rowsOf: this.db.prepare<[string, string], unknown[]>(documentRowsSql(table, physical)).raw(true),
      deleteRow: this.db.prepare<[number | bigint]>(`DELETE FROM ${quoted(physical)} WHERE rowid = ?`),
    };
    this.prepared.set(physical, prepared);
    return prepared;
  }
}
