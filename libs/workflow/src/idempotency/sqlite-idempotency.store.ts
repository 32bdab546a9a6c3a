import type Database from 'better-sqlite3';
import { IdempotencyStore, RememberedResponse } from './idempotency.store';

// One table, two statements. The service keeps it in a database file of its
// own: it is not derived state, so deleting the read models must not lose it.
const CREATE = `
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    actor_id    TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    headers     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (actor_id, key)
  )`;

interface Row {
  fingerprint: string;
  status: number;
  headers: string;
  body: string;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly findStatement;
  private readonly insertStatement;

  constructor(db: Database.Database) {
    db.exec(CREATE);
    this.findStatement = db.prepare<[string, string], Row>(
      'SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE actor_id = ? AND key = ?',
    );
    // OR IGNORE: two racing first requests both append idempotently (same
    // derived event ids); whichever records first is the response of record.
    this.insertStatement = db.prepare(
      `INSERT OR IGNORE INTO idempotency_keys (actor_id, key, fingerprint, status, headers, body, created_at)
       VALUES (@actorId, @key, @fingerprint, @status, @headers, @body, @createdAt)`,
    );
  }

  find(actorId: string, key: string): RememberedResponse | undefined {
    const row = this.findStatement.get(actorId, key);
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      status: row.status,
      headers: JSON.parse(row.headers) as Record<string, string>,
      body: JSON.parse(row.body) as unknown,
    };
  }

  remember(actorId: string, key: string, response: RememberedResponse, at: string): void {
    this.insertStatement.run({
      actorId,
      key,
      fingerprint: response.fingerprint,
      status: response.status,
      headers: JSON.stringify(response.headers),
      body: JSON.stringify(response.body),
      createdAt: at,
    });
  }
}
