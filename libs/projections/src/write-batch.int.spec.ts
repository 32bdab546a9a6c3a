import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WriteBatch } from './write-batch';

describe('WriteBatch', () => {
  let db: Database.Database;
  let other: Database.Database;
  const lost: unknown[] = [];
  const file = join(tmpdir(), `write-batch-spec-${process.pid}-${Date.now()}.sqlite`);
  /** What another connection sees: only what is committed. */
  const committed = () => other.prepare<[], { n: number }>('SELECT count(*) AS n FROM rows').get()!.n;
  const insert = (value: number) => () => void db.prepare('INSERT INTO rows (value) VALUES (?)').run(value);

  beforeEach(() => {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(
      'DROP TABLE IF EXISTS rows; DROP TABLE IF EXISTS children; DROP TABLE IF EXISTS parents; CREATE TABLE rows (value INTEGER NOT NULL)',
    );
    other = new Database(file, { readonly: true });
    lost.length = 0;
  });

  afterEach(() => {
    other.close();
    db.close();
  });

  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  it('holds many writes in one transaction and commits them when it is full', () => {
    const batch = new WriteBatch(db, (error) => lost.push(error), { maxWrites: 3, maxOpenMs: 60_000 });
    batch.write(insert(1));
    batch.write(insert(2));
    expect(committed()).toBe(0);
    batch.write(insert(3));
    expect(committed()).toBe(3);
  });

  it('commits what it holds once the event loop is free', async () => {
    const batch = new WriteBatch(db, (error) => lost.push(error), { maxWrites: 100, maxOpenMs: 60_000 });
    batch.write(insert(1));
    expect(committed()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(committed()).toBe(1);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls a failing write back alone and keeps the others', () => {
    const batch = new WriteBatch(db, (error) => lost.push(error), { maxWrites: 100, maxOpenMs: 60_000 });
    batch.write(insert(1));
    expect(() =>
      batch.write(() => {
        insert(2)();
        throw new Error('this event cannot be applied');
      }),
    ).toThrow('this event cannot be applied');
    batch.write(insert(3));
    batch.commit();
    expect(other.prepare('SELECT value FROM rows ORDER BY value').pluck().all()).toEqual([1, 3]);
  });

  it("is a savepoint of the caller's own transaction when there is one", () => {
    const batch = new WriteBatch(db, (error) => lost.push(error), { maxWrites: 100, maxOpenMs: 60_000 });
    db.transaction(() => batch.write(insert(1)))();
    expect(committed()).toBe(1);
    expect(db.inTransaction).toBe(false);
  });

  it('tells what was lost when the commit fails, and leaves no transaction open', () => {
    db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    db.pragma('foreign_keys = ON');
    const batch = new WriteBatch(db, (error) => lost.push(error), { maxWrites: 100, maxOpenMs: 60_000 });
    batch.write(insert(1));
    // Checked at COMMIT only: the batch's commit is refused.
    batch.write(() => void db.prepare('INSERT INTO children (parent) VALUES (42)').run());
    batch.commit();
    expect(lost).toEqual([expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })]);
    expect(db.inTransaction).toBe(false);
    expect(committed()).toBe(0);
  });
});
