import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * How many events the service under test has stored: its `events.sqlite`,
 * opened read-only beside the running service (WAL lets a reader in while
 * it writes). The access suites compare the count around every refused
 * request: a refusal stores nothing.
 */
export class EventCount {
  private readonly db: Database.Database;
  private readonly statement: Database.Statement;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
    this.statement = this.db.prepare('SELECT COUNT(*) AS n FROM events');
  }

  now(): number {
    return (this.statement.get() as { n: number }).n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
