import type Database from 'better-sqlite3';
import type { RebuildProgress } from './rebuild-progress';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS read_model_rebuilds (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    state    TEXT NOT NULL,
    progress TEXT NOT NULL
  );`;

/** Finished rebuilds kept for GET /ops/rebuilds; older ones are dropped as new ones start. */
export const REBUILDS_KEPT = 50;

export const INTERRUPTED =
  'The service stopped before this rebuild finished; the read models it had not swapped yet were left as they were. Start it again.';

/**
 * Every rebuild, in the read-model database: ids that never repeat (not
 * even across restarts), and the last REBUILDS_KEPT of them as they ended.
 * A rebuild still marked running when the runner starts was cut short by a
 * stop or a crash: it is recorded as failed.
 */
export class RebuildHistory {
  private readonly insert;
  private readonly update;
  private readonly prune;
  private readonly one;
  private readonly recent;

  constructor(db: Database.Database, now: string) {
    db.exec(SCHEMA);
    this.insert = db.prepare<[string, string]>('INSERT INTO read_model_rebuilds (state, progress) VALUES (?, ?)');
    this.update = db.prepare<[string, string, number]>(
      'UPDATE read_model_rebuilds SET state = ?, progress = ? WHERE id = ?',
    );
    this.prune = db.prepare<[number]>('DELETE FROM read_model_rebuilds WHERE id <= ?');
    this.one = db.prepare<[number], { progress: string }>('SELECT progress FROM read_model_rebuilds WHERE id = ?');
    this.recent = db.prepare<[number], { progress: string }>(
      'SELECT progress FROM read_model_rebuilds ORDER BY id DESC LIMIT ?',
    );
    const cutShort = db.prepare<[], { id: number; progress: string }>(
      "SELECT id, progress FROM read_model_rebuilds WHERE state = 'running'",
    );
    for (const row of cutShort.all()) {
      const progress = JSON.parse(row.progress) as RebuildProgress;
      this.finish({ ...progress, state: 'failed', etaSeconds: null, finishedAt: now, error: INTERRUPTED });
    }
  }

  /** Records a rebuild that starts now; answers its id, the row's (whatever `progress.id` said). */
  begin(progress: RebuildProgress): string {
    const id = Number(this.insert.run('running', JSON.stringify(progress)).lastInsertRowid);
    this.update.run('running', JSON.stringify({ ...progress, id: String(id) }), id);
    this.prune.run(id - REBUILDS_KEPT);
    return String(id);
  }

  finish(progress: RebuildProgress): void {
    this.update.run(progress.state, JSON.stringify(progress), Number(progress.id));
  }

  get(id: string): RebuildProgress | null {
    if (!/^\d{1,15}$/.test(id)) return null;
    const row = this.one.get(Number(id));
    return row ? (JSON.parse(row.progress) as RebuildProgress) : null;
  }

  /** Newest first. */
  list(limit = REBUILDS_KEPT): RebuildProgress[] {
    return this.recent.all(limit).map((row) => JSON.parse(row.progress) as RebuildProgress);
  }
}
