import Database from 'better-sqlite3';

/**
 * The value of a one-row, one-column query on a SQLite file of a data
 * directory, read on a connection of its own (the service may be writing);
 * null while the file or its table is not there yet.
 */
export function peek(file: string, sql: string, ...parameters: string[]): number | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const value = db
      .prepare(sql)
      .pluck()
      .get(...parameters) as number | string | null | undefined;
    return value === null || value === undefined ? null : Number(value);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
