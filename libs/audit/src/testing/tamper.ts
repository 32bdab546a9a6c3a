import { hashEvent, type EventMetadata } from '@licensing/event-store';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The ways an attacker with write access to a SQLite event store file can
 * alter history, each applied to a copy, each naming the leaf (place in
 * `$all`) where a verifier must first see it. Used by the tamper suites.
 */
export const TAMPER_KINDS = ['payload', 'metadata', 'delete', 'reorder', 'truncate', 'rewrite-stream'] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

export interface Tampering {
  readonly kind: TamperKind;
  /** The first leaf a verifier must report. */
  readonly firstBadLeaf: number;
  readonly description: string;
}

interface Row {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  version: number;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

/** `random()` in [0, 1): pass a seeded generator so a failure can be replayed. */
export function tamper(file: string, kind: TamperKind, random: () => number): Tampering {
  const db = new BetterSqlite3(file);
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
    if (rows.length < 3) throw new Error('tamper: the store needs at least 3 events');
    const pick = (from = 0, to = rows.length) => from + Math.floor(random() * (to - from));
    const leafOf = (position: number) => rows.findIndex((r) => r.position === position);
    return db.transaction(() => mutations[kind](db, rows, pick, leafOf))();
  } finally {
    db.close();
  }
}

type Mutation = (
  db: BetterSqlite3.Database,
  rows: Row[],
  pick: (from?: number, to?: number) => number,
  leafOf: (position: number) => number,
) => Tampering;

const mutations: Record<TamperKind, Mutation> = {
  payload(db, rows, pick) {
    const i = pick();
    const row = rows[i] as Row;
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(altered(row.data)), row.position);
    return { kind: 'payload', firstBadLeaf: i, description: `data of ${row.stream_id}@${row.revision} edited` };
  },
  metadata(db, rows, pick) {
    const i = pick();
    const row = rows[i] as Row;
    const metadata = { ...(JSON.parse(row.metadata) as EventMetadata), actor: 'mallory' };
    db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(JSON.stringify(metadata), row.position);
    return { kind: 'metadata', firstBadLeaf: i, description: `actor of ${row.stream_id}@${row.revision} edited` };
  },
  delete(db, rows, pick) {
    const i = pick(0, rows.length - 1);
    const row = rows[i] as Row;
    db.prepare('DELETE FROM events WHERE position = ?').run(row.position);
    return { kind: 'delete', firstBadLeaf: i, description: `${row.stream_id}@${row.revision} deleted` };
  },
  reorder(db, rows, pick) {
    const i = pick(0, rows.length - 1);
    const j = pick(i + 1, rows.length);
    const [a, b] = [rows[i] as Row, rows[j] as Row];
    // Move both out of the way of the unique keys, then swap their contents.
    const put = db.prepare(
      'UPDATE events SET id = ?, stream_id = ?, revision = ?, type = ?, version = ?, data = ?, metadata = ?, prev_hash = ?, hash = ? WHERE position = ?',
    );
    db.prepare("UPDATE events SET id = id || '~', revision = -1 - revision WHERE position IN (?, ?)").run(
      a.position,
      b.position,
    );
    for (const [target, source] of [
      [a, b],
      [b, a],
    ] as const) {
      const s = source;
      put.run(
        s.id,
        s.stream_id,
        s.revision,
        s.type,
        s.version,
        s.data,
        s.metadata,
        s.prev_hash,
        s.hash,
        target.position,
      );
    }
    return { kind: 'reorder', firstBadLeaf: i, description: `positions ${a.position} and ${b.position} swapped` };
  },
  truncate(db, rows, pick) {
    const keep = pick(1, rows.length);
    db.prepare('DELETE FROM events WHERE position >= ?').run((rows[keep] as Row).position);
    return { kind: 'truncate', firstBadLeaf: keep, description: `the last ${rows.length - keep} events deleted` };
  },
  'rewrite-stream'(db, rows, pick, leafOf) {
    const target = rows[pick()] as Row;
    const stream = rows.filter((r) => r.stream_id === target.stream_id);
    const from = stream.findIndex((r) => r.revision === target.revision);
    // Edit one event and re-seal it and everything after it in its stream: the chain holds again.
    let prevHash = stream[from - 1]?.hash ?? '0'.repeat(64);
    const put = db.prepare('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?');
    for (const [k, row] of stream.slice(from).entries()) {
      const data = k === 0 ? altered(row.data) : (JSON.parse(row.data) as unknown);
      const hash = hashEvent(prevHash, {
        id: row.id,
        type: row.type,
        version: row.version,
        streamId: row.stream_id,
        revision: BigInt(row.revision),
        data,
        metadata: JSON.parse(row.metadata) as EventMetadata,
      });
      put.run(JSON.stringify(data), prevHash, hash, row.position);
      prevHash = hash;
    }
    return {
      kind: 'rewrite-stream',
      firstBadLeaf: leafOf(target.position),
      description: `${target.stream_id} rewritten from revision ${target.revision} with recomputed hashes`,
    };
  },
};

/** The same JSON with one value changed (or a field added): never equal to the original. */
function altered(json: string): unknown {
  const value = JSON.parse(json) as unknown;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { ...(value as Record<string, unknown>), tampered: true };
  }
  return { original: value, tampered: true };
}
