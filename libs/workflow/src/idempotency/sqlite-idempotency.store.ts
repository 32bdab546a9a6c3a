import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Clock, systemClock } from '../shared/clock';
import { IdempotencyStore, RememberedResponse } from './idempotency.store';

// One table, its statements, and an index on the time column for pruning.
// The service keeps it in a database file of its own: it is not derived
// state, so deleting the read models must not lose it. There are no
// migrations: both statements are safe to run on every start, also on a
// table created before the index existed.
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
  );
  CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at)`;

const HOUR_MS = 3_600_000;

interface Row {
  fingerprint: string;
  status: number;
  headers: string;
  body: string;
}

export interface IdempotencyRetentionOptions {
  /** How long a response is remembered; 0 (the default) keeps every one forever. */
  retentionHours?: number;
  /** Where "now" comes from (the service's CLOCK); `created_at` is compared with it. */
  clock?: Clock;
}

export interface PruneReport {
  pruned: number;
  batches: number;
  /** Responses remembered before this instant were pruned (null: retention is off). */
  before: string | null;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly retentionHours: number;
  private readonly clock: Clock;
  private readonly findStatement;
  private readonly insertStatement;
  private readonly pruneStatement;

  constructor(db: Database.Database, options: IdempotencyRetentionOptions = {}) {
    this.retentionHours = options.retentionHours ?? 0;
    if (!(this.retentionHours >= 0)) throw new RangeError('retentionHours must be 0 (forever) or more');
    this.clock = options.clock ?? systemClock;
    db.exec(CREATE);
    // Instants are ISO 8601 UTC from the clock (always `…T…:…:….sssZ`), so
    // comparing the text compares the instants and can use the index.
    this.findStatement = db.prepare<[string, string, string], Row>(
      `SELECT fingerprint, status, headers, body FROM idempotency_keys
       WHERE actor_id = ? AND key = ? AND created_at >= ?`,
    );
    // The first response is the one of record: two racing first requests
    // both append idempotently (same derived event ids), whichever records
    // first wins. A row past retention is as good as absent, so a new
    // response replaces it instead of being ignored.
    this.insertStatement = db.prepare(
      `INSERT INTO idempotency_keys (actor_id, key, fingerprint, status, headers, body, created_at)
       VALUES (@actorId, @key, @fingerprint, @status, @headers, @body, @createdAt)
       ON CONFLICT (actor_id, key) DO UPDATE SET
         fingerprint = excluded.fingerprint, status = excluded.status, headers = excluded.headers,
         body = excluded.body, created_at = excluded.created_at
       WHERE idempotency_keys.created_at < @expiredBefore`,
    );
    this.pruneStatement = db.prepare<[string, number]>(
      `DELETE FROM idempotency_keys WHERE rowid IN
         (SELECT rowid FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ?)`,
    );
  }

  /** Responses remembered before this instant are expired; null when they are kept forever. */
  expiredBefore(): string | null {
    if (this.retentionHours === 0) return null;
    return new Date(Date.parse(this.clock.now()) - this.retentionHours * HOUR_MS).toISOString();
  }

  find(actorId: string, key: string): RememberedResponse | undefined {
    const row = this.findStatement.get(actorId, key, this.expiredBefore() ?? '');
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
      createdAt: new Date(at).toISOString(),
      expiredBefore: this.expiredBefore() ?? '',
    });
  }

  /** Deletes at most `limit` expired responses (oldest first) and says how many. */
  pruneBatch(limit: number): number {
    const before = this.expiredBefore();
    if (before === null) return 0;
    return this.pruneStatement.run(before, limit).changes;
  }

  /**
   * Deletes every expired response, `batchSize` at a time, yielding to the
   * event loop between batches so a huge table never holds it for long.
   * `shouldStop` is asked between batches (a shutdown in progress).
   */
  async pruneExpired(options: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<PruneReport> {
    const batchSize = options.batchSize ?? 1000;
    const before = this.expiredBefore();
    const report: PruneReport = { pruned: 0, batches: 0, before };
    if (before === null) return report;
    for (;;) {
      if (options.shouldStop?.()) return report;
      const deleted = this.pruneStatement.run(before, batchSize).changes;
      report.batches += 1;
      report.pruned += deleted;
      if (deleted < batchSize) return report;
      await nextTurn();
    }
  }
}
