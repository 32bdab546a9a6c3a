import type Database from 'better-sqlite3';
import { documentIndexName, indexName } from '../../indexes/index-tables';
import { keyset, type PageRequest, type SqlConditions } from '../../indexes/list-page';
import type { TermFilter } from './case-list-sql';
import { LICENSE_STATE } from './license-state-documents';

/** Counting a term's cases stops here: past it, any term is as good a driver as another. */
const COUNT_CAP = 5_000;

/**
 * One kind of row: its rows table and its terms table (both carry the sort
 * keys). A term row names its row by `id` as well as by document, since one
 * document may have several rows (a license's shipments).
 */
export interface CaseTables {
  readonly rows: string;
  readonly terms: string;
}

export interface CaseQuery {
  readonly tables: CaseTables;
  /** Conditions on the case's row, aliased `r`. */
  readonly where: SqlConditions;
  readonly terms: readonly TermFilter[];
  /** The sort key's column, in both tables. */
  readonly sortKey: string;
  /** The rows index that drives when no exact term does: its columns after `storage`. */
  readonly walk: readonly string[];
  /** The walk's index narrows the list to a few cases (an exporter's, a reviewer's): no term drives. */
  readonly narrowed: boolean;
  /** The read model whose rows these are: license-state unless named. */
  readonly storage?: string;
}

export interface CaseSql {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * The SQL of one page. A page of 50 must cost the same at 100,000 cases as
 * at 1,000, so the query walks one index in page order and stops after the
 * page: the most selective exact term drives (its rows carry the sort
 * keys) unless the walk narrows, else the walk does. Other terms are checked
 * per case on the document's own term rows. The plan is named
 * (`INDEXED BY`, `CROSS JOIN` fixing the loop order), not left to a planner
 * without statistics, which would rather filter by a range and then sort.
 */
export function casePageSql(db: Database.Database, query: CaseQuery, page: PageRequest<string>): CaseSql {
  const storage = query.storage ?? LICENSE_STATE;
  const terms = query.terms.map((term) => (term.prefix ? exactIfOneWord(db, storage, query.tables.terms, term) : term));
  const driver = query.narrowed ? null : mostSelective(db, storage, query.tables.terms, terms);
  const { where, sortKey: sortColumn } = query;
  for (const term of terms) if (term !== driver) hasTerm(where, query.tables.terms, term);
  const { rows, terms: termsTable } = query.tables;
  const select = (alias: string) => `SELECT r.id AS id, ${alias}.${sortColumn} AS sort_value, d.doc AS doc`;
  // The document last: only rows that passed every condition are read.
  const documents = 'CROSS JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id';
  if (driver !== null) {
    const { orderBy } = keyset(where, `t.${sortColumn}`, 't.id', page);
    const index = indexName(
      termsTable,
      sortColumn === 'id' ? ['field', 'value', 'id'] : ['field', 'value', sortColumn, 'id'],
    );
    return {
      sql: `${select('t')} FROM ${termsTable} t INDEXED BY ${index}
        CROSS JOIN ${rows} r INDEXED BY ${documentIndexName(rows)} ON r.storage = t.storage AND r.doc_id = t.doc_id AND r.id = t.id ${documents}
        WHERE t.storage = ? AND t.field = ? AND t.value = ? AND ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      params: [storage, driver.field, driver.value, ...where.params, page.limit + 1],
    };
  }
  const { orderBy } = keyset(where, `r.${sortColumn}`, 'r.id', page);
  return {
    sql: `${select('r')} FROM ${rows} r INDEXED BY ${indexName(rows, query.walk)} ${documents} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
    params: [...where.params, page.limit + 1],
  };
}

const prefixEnd = (prefix: string) => `${prefix}\uffff`;

/** A word prefix that only one indexed word has is that word: an exact term, which can drive. */
function exactIfOneWord(db: Database.Database, storage: string, table: string, term: TermFilter): TermFilter {
  const first = (lowest: string, operator: '>=' | '>') =>
    db
      .prepare<unknown[], { value: string }>(
        `SELECT value FROM ${table} WHERE storage = ? AND field = ? AND value ${operator} ? AND value < ? ORDER BY value LIMIT 1`,
      )
      .get(storage, term.field, lowest, prefixEnd(term.value));
  const word = first(term.value, '>=');
  if (word === undefined) return term;
  const second = first(word.value, '>');
  return second === undefined ? { ...term, value: word.value, prefix: false } : term;
}

function mostSelective(
  db: Database.Database,
  storage: string,
  table: string,
  terms: readonly TermFilter[],
): TermFilter | null {
  const count = db.prepare<unknown[], { n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE storage = ? AND field = ? AND value = ? LIMIT ?)`,
  );
  const exact = terms.filter((term) => !term.prefix);
  if (exact.length < 2) return exact[0] ?? null;
  let best: { term: TermFilter; cases: number } | null = null;
  for (const term of exact) {
    const cases = count.get(storage, term.field, term.value, COUNT_CAP)?.n ?? 0;
    if (best === null || cases < best.cases) best = { term, cases };
  }
  return best?.term ?? null;
}

function hasTerm(where: SqlConditions, table: string, term: TermFilter): void {
  const match = term.prefix ? 'x.value >= ? AND x.value < ?' : 'x.value = ?';
  const values = term.prefix ? [term.value, prefixEnd(term.value)] : [term.value];
  where.add(
    `EXISTS (SELECT 1 FROM ${table} x INDEXED BY ${documentIndexName(table)} WHERE x.storage = r.storage AND x.doc_id = r.doc_id AND x.id = r.id AND x.field = ? AND ${match})`,
    term.field,
    ...values,
  );
}
