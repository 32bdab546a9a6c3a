import type Database from 'better-sqlite3';

/**
 * Events a read model could not apply, in the read-model database beside its
 * documents, so parking one and moving the checkpoint past it commit in one
 * transaction. Not part of any read model: a rebuild keeps it (a skip stays a
 * skip), and deleting the database forgets it with everything else.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS parked_events (
    read_model      TEXT NOT NULL,
    position        TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    stream_id       TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    error           TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    first_failed_at TEXT NOT NULL,
    last_failed_at  TEXT NOT NULL,
    state           TEXT NOT NULL,
    decided_at      TEXT,
    PRIMARY KEY (read_model, position)
  );`;

/** `parked`: waiting for ops; `resolved`: a retry applied it; `skipped`: ops gave it up for good. */
export type ParkedState = 'parked' | 'resolved' | 'skipped';

export interface ParkedEvent {
  readonly readModel: string;
  readonly position: bigint;
  readonly eventId: string;
  readonly streamId: string;
  readonly eventType: string;
  /** The last failure. */
  readonly error: string;
  /** Failed attempts, those before parking and every failed retry since. */
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly state: ParkedState;
  /** When a retry applied it or ops skipped it; null while parked. */
  readonly decidedAt: string | null;
}

export interface Failure {
  readonly readModel: string;
  readonly event: { readonly position: bigint; readonly id: string; readonly streamId: string; readonly type: string };
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly at: string;
}

interface Row {
  read_model: string;
  position: string;
  event_id: string;
  stream_id: string;
  event_type: string;
  error: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
  state: ParkedState;
  decided_at: string | null;
}

const toParked = (row: Row): ParkedEvent => ({
  readModel: row.read_model,
  position: BigInt(row.position),
  eventId: row.event_id,
  streamId: row.stream_id,
  eventType: row.event_type,
  error: row.error,
  attempts: row.attempts,
  firstFailedAt: row.first_failed_at,
  lastFailedAt: row.last_failed_at,
  state: row.state,
  decidedAt: row.decided_at,
});

export class ParkedEventStore {
  private readonly one;
  private readonly all;
  private readonly upsert;
  private readonly failedAgain;
  private readonly decide;
  private readonly countParked;

  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.one = db.prepare<[string, string], Row>('SELECT * FROM parked_events WHERE read_model = ? AND position = ?');
    // Positions are decimal strings (they can exceed 2^53): by length, then text, is numeric order.
    this.all = db.prepare<[], Row>('SELECT * FROM parked_events ORDER BY length(position), position, read_model');
    // Parked again (a rebuild met it once more): the attempts add up, the first failure stays the first.
    this.upsert = db.prepare(
      `INSERT INTO parked_events (read_model, position, event_id, stream_id, event_type, error, attempts,
         first_failed_at, last_failed_at, state, decided_at)
       VALUES (@readModel, @position, @eventId, @streamId, @eventType, @error, @attempts, @firstFailedAt, @at, 'parked', NULL)
       ON CONFLICT (read_model, position) DO UPDATE SET error = excluded.error,
         attempts = attempts + excluded.attempts, last_failed_at = excluded.last_failed_at,
         state = 'parked', decided_at = NULL`,
    );
    this.failedAgain = db.prepare<[string, string, string, string]>(
      'UPDATE parked_events SET error = ?, attempts = attempts + 1, last_failed_at = ? WHERE read_model = ? AND position = ?',
    );
    this.decide = db.prepare<[ParkedState, string, string, string]>(
      'UPDATE parked_events SET state = ?, decided_at = ? WHERE read_model = ? AND position = ?',
    );
    this.countParked = db.prepare<[], { read_model: string; parked: number }>(
      "SELECT read_model, COUNT(*) AS parked FROM parked_events WHERE state = 'parked' GROUP BY read_model",
    );
  }

  find(readModel: string, position: bigint): ParkedEvent | null {
    const row = this.one.get(readModel, position.toString());
    return row === undefined ? null : toParked(row);
  }

  list(): ParkedEvent[] {
    return this.all.all().map(toParked);
  }

  /** Events waiting for ops, per read model (those with none are absent). */
  parkedCounts(): Map<string, number> {
    return new Map(this.countParked.all().map((row) => [row.read_model, row.parked]));
  }

  park(failure: Failure): void {
    const { event } = failure;
    this.upsert.run({
      readModel: failure.readModel,
      position: event.position.toString(),
      eventId: event.id,
      streamId: event.streamId,
      eventType: event.type,
      error: failure.error,
      attempts: failure.attempts,
      firstFailedAt: failure.firstFailedAt,
      at: failure.at,
    });
  }

  /** A retry by ops failed: it stays parked, with the new error. */
  recordFailedRetry(readModel: string, position: bigint, error: string, at: string): void {
    this.failedAgain.run(error, at, readModel, position.toString());
  }

  markResolved(readModel: string, position: bigint, at: string): void {
    this.decide.run('resolved', at, readModel, position.toString());
  }

  markSkipped(readModel: string, position: bigint, at: string): void {
    this.decide.run('skipped', at, readModel, position.toString());
  }
}
