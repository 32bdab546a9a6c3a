/**
 * A read model's SQL index: typed tables of rows derived from each document,
 * written in the transaction that writes the document, so lists are
 * answered by SQLite indexes instead of parsing every document.
 *
 * Every table also has `storage` (the read model's name, or its rebuild
 * shadow's) and `doc_id` (the document's key): a shadow's rows sit beside the
 * live ones and are renamed with its documents in one transaction.
 */
export type IndexValue = string | number | null;

export interface IndexTable {
  /** Versioned by convention (`…_v1`): a changed shape is a new table, filled by the read model's rebuild. */
  readonly name: string;
  readonly columns: Readonly<Record<string, 'TEXT' | 'INTEGER' | 'REAL'>>;
  /** SQLite indexes, each over `storage` and then these columns. */
  readonly indexes: readonly (readonly string[])[];
}

export interface IndexRow {
  readonly table: string;
  readonly values: Readonly<Record<string, IndexValue>>;
}

export interface ProjectionIndex<Doc = unknown> {
  readonly tables: readonly IndexTable[];
  /** The rows of one document (none: it is in no list). Pure, like evolve. */
  rows(doc: Doc, key: string): readonly IndexRow[];
}

/** Words of names and references for free-text search: lower case, letters and digits. */
export function searchWords(...texts: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
  }
  return [...words];
}
