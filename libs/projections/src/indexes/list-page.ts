import type { IndexValue } from './read-model-index';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Where the previous page ended: its last row's sort value and id. */
export interface PagePosition {
  readonly sort: string;
  readonly value: string | number;
  readonly id: string;
}

export interface PageRequest<Sort extends string> {
  readonly sort: Sort;
  readonly descending: boolean;
  readonly limit: number;
  readonly after: PagePosition | null;
}

export interface Page<Item> {
  readonly items: Item[];
  /** Opaque; null on the last page. */
  readonly nextCursor: string | null;
}

/** Opaque to clients, but only a position, never a filter: pass the same filters with it. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.value, position.id])).toString('base64url');
}

/** Null when it is not a cursor this service wrote. */
export function decodeCursor(cursor: string): PagePosition | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [sort, value, id] = decoded as unknown[];
    if (typeof sort !== 'string' || typeof id !== 'string') return null;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    return { sort, value, id };
  } catch {
    return null;
  }
}

/** A WHERE clause built up with its parameters, in order. */
export class SqlConditions {
  private readonly clauses: string[] = [];
  readonly params: IndexValue[] = [];

  add(clause: string, ...params: readonly IndexValue[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** `column IN (…)`; an empty list matches nothing. */
  oneOf(column: string, values: readonly string[]): this {
    if (values.length === 0) return this.add('0');
    return this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  }

  get sql(): string {
    return this.clauses.length === 0 ? '1' : this.clauses.map((c) => `(${c})`).join(' AND ');
  }
}

/**
 * Keyset pagination on (sort column, id): the next page starts strictly
 * after the last row seen, so rows inserted meanwhile never shift a page
 * (no duplicates, no gaps among the rows that were there). A row-value
 * comparison, so SQLite starts the index walk there instead of filtering.
 */
export function keyset(
  conditions: SqlConditions,
  sortColumn: string,
  idColumn: string,
  page: PageRequest<string>,
): { orderBy: string } {
  const direction = page.descending ? 'DESC' : 'ASC';
  const after = page.descending ? '<' : '>';
  const byId = sortColumn === idColumn;
  if (page.after !== null) {
    if (byId) conditions.add(`${idColumn} ${after} ?`, page.after.id);
    else conditions.add(`(${sortColumn}, ${idColumn}) ${after} (?, ?)`, page.after.value, page.after.id);
  }
  return { orderBy: byId ? `${idColumn} ${direction}` : `${sortColumn} ${direction}, ${idColumn} ${direction}` };
}

/** Reads limit + 1 rows to know whether another page follows. */
export function toPage<Row extends { id: string }, Item>(
  rows: readonly Row[],
  page: PageRequest<string>,
  sortValue: (row: Row) => string | number,
  item: (row: Row) => Item,
): Page<Item> {
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const nextCursor =
    rows.length > page.limit && last !== undefined
      ? encodeCursor({ sort: page.sort, value: sortValue(last), id: last.id })
      : null;
  return { items: shown.map(item), nextCursor };
}
