import type BetterSqlite3 from 'better-sqlite3';
import type {
  ParkedRelayEvent,
  ParkedRelayEventRecord,
  ParkedRelayState,
  RelayParkedEventStore,
} from './parked-relay-events';

export const PARKED_SCHEMA = `
  CREATE TABLE IF NOT EXISTS relay_parked_events (
    relay_name      TEXT NOT NULL,
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
    PRIMARY KEY (relay_name, position)
  )`;

interface Row {
  relay_name: string;
  position: string;
  event_id: string;
  stream_id: string;
  event_type: string;
  error: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
  state: ParkedRelayState;
  decided_at: string | null;
}

const toParked = (row: Row): ParkedRelayEvent => ({
  relayName: row.relay_name,
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

/** The relay's parked events on the checkpoint's SQLite file; `guard` refuses once the file is closed. */
export function sqliteParkedRelayEvents(
  db: BetterSqlite3.Database,
  guard: (what: string) => void,
): RelayParkedEventStore {
  const one = db.prepare<[string, string], Row>(
    'SELECT * FROM relay_parked_events WHERE relay_name = ? AND position = ?',
  );
  // Positions are decimal strings (they can exceed 2^53): by length, then text, is numeric order.
  const all = db.prepare<[string], Row>(
    'SELECT * FROM relay_parked_events WHERE relay_name = ? ORDER BY length(position), position',
  );
  const count = db
    .prepare<[string], number>("SELECT COUNT(*) FROM relay_parked_events WHERE relay_name = ? AND state = 'parked'")
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO relay_parked_events (relay_name, position, event_id, stream_id, event_type, error, attempts,
       first_failed_at, last_failed_at, state, decided_at)
     VALUES (@relayName, @position, @eventId, @streamId, @eventType, @error, @attempts, @firstFailedAt, @lastFailedAt, 'parked', NULL)
     ON CONFLICT (relay_name, position) DO UPDATE SET error = excluded.error, attempts = attempts + excluded.attempts,
       last_failed_at = excluded.last_failed_at, state = 'parked', decided_at = NULL`,
  );
  const failedAgain = db.prepare<[string, string, string, string]>(
    'UPDATE relay_parked_events SET error = ?, attempts = attempts + 1, last_failed_at = ? WHERE relay_name = ? AND position = ?',
  );
  const decide = db.prepare<[ParkedRelayState, string, string, string]>(
    'UPDATE relay_parked_events SET state = ?, decided_at = ? WHERE relay_name = ? AND position = ?',
  );
  return {
    async findParked(relayName, position) {
      guard('read a parked event');
      const row = one.get(relayName, position.toString());
      return row === undefined ? null : toParked(row);
    },
    async listParked(relayName) {
      guard('list parked events');
      return all.all(relayName).map(toParked);
    },
    async countParked(relayName) {
      guard('count parked events');
      return count.get(relayName) ?? 0;
    },
    async park(record: ParkedRelayEventRecord) {
      guard('park an event');
      upsert.run({ ...record, position: record.position.toString() });
    },
    async recordFailedRetry(relayName, position, error, at) {
      guard('record a failed retry');
      failedAgain.run(error, at, relayName, position.toString());
    },
    async decide(relayName, position, state, at) {
      guard('decide on a parked event');
      decide.run(state, at, relayName, position.toString());
    },
  };
}
