import type { Database } from 'better-sqlite3';

/**
 * The verifiable log's own file (`audit-log.sqlite`). Unlike the read models
 * it is not disposable: its leaves were hashed when each event was first
 * seen and its tree heads were signed then, and both are what a later
 * verification holds the event store to. Append new steps, never edit old ones.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE leaves (
     leaf_index INTEGER PRIMARY KEY,
     position   INTEGER NOT NULL UNIQUE,
     event_id   TEXT    NOT NULL UNIQUE,
     stream_id  TEXT    NOT NULL,
     revision   INTEGER NOT NULL
   ) STRICT;
   -- Every completed perfect subtree: proofs for any tree size in O(log² n) reads (step 2 moved level 0 into leaves).
   CREATE TABLE subtrees (
     level      INTEGER NOT NULL,
     node_index INTEGER NOT NULL,
     hash       BLOB    NOT NULL,
     PRIMARY KEY (level, node_index)
   ) STRICT, WITHOUT ROWID;
   -- The compact range: the current root in O(log n) without reading the tree.
   CREATE TABLE frontier (
     only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
     tree_size  INTEGER NOT NULL,
     hashes     TEXT    NOT NULL
   ) STRICT;
   CREATE TABLE tree_heads (
     seq        INTEGER PRIMARY KEY,
     tree_size  INTEGER NOT NULL,
     root_hash  TEXT    NOT NULL,
     timestamp  TEXT    NOT NULL,
     signature  TEXT    NOT NULL,
     key_id     TEXT    NOT NULL
   ) STRICT;
   CREATE INDEX tree_heads_by_size ON tree_heads (tree_size);`,
  // The leaf hash lives with its leaf: verification reads leaves without a join, and an append writes one row fewer.
  `ALTER TABLE leaves ADD COLUMN hash BLOB;
   UPDATE leaves SET hash = (SELECT s.hash FROM subtrees s WHERE s.level = 0 AND s.node_index = leaves.leaf_index);
   DELETE FROM subtrees WHERE level = 0;`,
];

export function migrateAuditLog(db: Database): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (const step of MIGRATIONS.slice(applied)) db.exec(step);
    if (applied < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
