import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentChange } from './apply-event';
import { DocumentStore } from './document-store';
import type { ProjectionIndex } from './indexes/read-model-index';
import { WriteBatch } from './write-batch';

interface Tagged {
  readonly tags: readonly string[];
}

const TAGS = 'write_batch_spec_tags_v1';
const tagIndex: ProjectionIndex<Tagged> = {
  tables: [{ name: TAGS, columns: { tag: 'TEXT' }, indexes: [['tag']] }],
  rows: (doc) => doc.tags.map((tag) => ({ table: TAGS, values: { tag } })),
};
const index = tagIndex as ProjectionIndex<unknown>;

describe('WriteBatch', () => {
  let db: Database.Database;
  let other: Database.Database;
  let store: DocumentStore;
  const lost: unknown[] = [];
  const file = join(tmpdir(), `write-batch-spec-${process.pid}-${Date.now()}.sqlite`);
  const checkpointAt = (position: bigint) => ({ checkpoint: { version: 1, position }, at: '2026-11-30T00:00:00Z' });
  const change = (key: string, doc: Tagged | null, stored = false): DocumentChange => ({ key, doc, stored });
  /** What another connection sees: only what is committed. */
  const committedDocs = () =>
    other.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM read_model_documents ORDER BY id').all();
  const committedTags = () => other.prepare(`SELECT doc_id, tag FROM ${TAGS} ORDER BY doc_id, tag`).all();
  const committedCheckpoint = () =>
    other.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck().get('tags');

  beforeEach(() => {
    rmSync(file, { force: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    store = new DocumentStore(db);
    store.indexes.declare(tagIndex);
    other = new Database(file, { readonly: true });
    lost.length = 0;
  });

  afterEach(() => {
    jest.useRealTimers();
    other.close();
    db.close();
  });

  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  it('holds events in memory and writes them in one transaction once it holds maxEvents', () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 3, maxHeldMs: 60_000 });
    batch.record('tags', [change('a', { tags: ['x'] })], index, checkpointAt(1n));
    batch.record('tags', [change('b', { tags: ['y'] })], index, checkpointAt(2n));
    expect(committedDocs()).toEqual([]);
    expect(batch.pending).toBe(true);
    batch.record('tags', [change('c', { tags: ['z'] })], index, checkpointAt(3n));
    expect(committedDocs().map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(committedTags()).toEqual([
      { doc_id: 'a', tag: 'x' },
      { doc_id: 'b', tag: 'y' },
      { doc_id: 'c', tag: 'z' },
    ]);
    expect(committedCheckpoint()).toBe('3');
    expect(batch.pending).toBe(false);
  });

  it('writes what it holds once its oldest event has waited maxHeldMs', () => {
    jest.useFakeTimers();
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 250 });
    batch.record('tags', [change('a', { tags: ['x'] })], index, checkpointAt(1n));
    jest.advanceTimersByTime(249);
    expect(committedDocs()).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(committedDocs().map((row) => row.id)).toEqual(['a']);
    expect(db.inTransaction).toBe(false);
  });

  it('writes a live event on the next turn of the event loop, with the others of the same burst', async () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 60_000 });
    const commits = jest.spyOn(store, 'transaction');
    batch.record('tags', [change('a', { tags: ['x'] })], index, checkpointAt(1n), { soon: true });
    batch.record('tags', [change('b', { tags: ['y'] })], index, checkpointAt(2n), { soon: true });
    expect(committedDocs()).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(committedDocs().map((row) => row.id)).toEqual(['a', 'b']);
    expect(commits).toHaveBeenCalledTimes(1);
  });

  it('reads back the newest version it holds, and writes each document and its rows once', () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 60_000 });
    store.put('tags', 'a', { tags: ['old'] }, tagIndex);
    const puts = jest.spyOn(store, 'put');
    expect(batch.read('tags', 'a')).toEqual({ doc: { tags: ['old'] }, stored: true });
    batch.record('tags', [change('a', { tags: ['old', 'x'] }, true)], index, checkpointAt(1n));
    batch.record('tags', [change('a', { tags: ['x', 'y'] }, true)], index, checkpointAt(2n));
    expect(batch.read('tags', 'a')).toEqual({ doc: { tags: ['x', 'y'] }, stored: true });
    batch.commit();
    expect(puts).toHaveBeenCalledTimes(1);
    expect(JSON.parse(committedDocs()[0]!.doc)).toEqual({ tags: ['x', 'y'] });
    expect(committedTags()).toEqual([
      { doc_id: 'a', tag: 'x' },
      { doc_id: 'a', tag: 'y' },
    ]);
    expect(committedCheckpoint()).toBe('2');
  });

  it('deletes a stored document and its rows; one it created and deleted is never written', () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 60_000 });
    store.put('tags', 'stored', { tags: ['s'] }, tagIndex);
    batch.record('tags', [change('stored', null, true), change('new', { tags: ['n'] })], index, checkpointAt(1n));
    batch.record('tags', [change('new', null)], index, checkpointAt(2n));
    expect(batch.read('tags', 'new')).toEqual({ doc: null, stored: false });
    batch.commit();
    expect(committedDocs()).toEqual([]);
    expect(committedTags()).toEqual([]);
    expect(committedCheckpoint()).toBe('2');
  });

  it('writes nothing of a storage it was told to forget', () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 60_000 });
    batch.record('tags~rebuild', [change('a', { tags: ['x'] })], index, checkpointAt(1n));
    batch.record('tags', [change('b', { tags: ['y'] })], index, checkpointAt(1n));
    batch.forget('tags~rebuild');
    batch.commit();
    expect(committedDocs().map((row) => row.id)).toEqual(['b']);
    expect(other.prepare('SELECT count(*) FROM projection_checkpoints').pluck().get()).toBe(1);
  });

  it('tells what was lost when the batch cannot be written, and leaves nothing of it behind', () => {
    const batch = new WriteBatch(store, (error) => lost.push(error), { maxEvents: 100, maxHeldMs: 60_000 });
    batch.record('tags', [change('a', { tags: ['x'] })], index, checkpointAt(1n));
    // A value JSON cannot hold: the write fails midway through the batch.
    batch.record('tags', [change('b', { tags: ['y'], size: 1n } as unknown as Tagged)], index, checkpointAt(2n));
    batch.commit();
    expect(lost).toEqual([expect.objectContaining({ message: expect.stringMatching(/BigInt/) })]);
    expect(db.inTransaction).toBe(false);
    expect(committedDocs()).toEqual([]);
    expect(committedTags()).toEqual([]);
    expect(committedCheckpoint()).toBeUndefined();
    expect(batch.pending).toBe(false);
  });
});
