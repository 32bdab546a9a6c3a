import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import {
  openSqliteEventStore,
  RecordedEvent,
  SqliteEventStore,
  StoreClosedError,
  verifyStreamIntegrity,
  WrongExpectedRevisionError,
} from '../src';
import { eventually, proposed, proposedMany, settle } from '../src/testing';
import { tempDir } from './temp-db';

describe('SQLite event store adapter', () => {
  let dir: ReturnType<typeof tempDir>;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Partial<Parameters<typeof openSqliteEventStore>[0]> = {}) => {
    const store = openSqliteEventStore({ filename: dir.path(), ...options });
    open.push(store);
    return store;
  };
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    dir.remove();
  });

  describe('group commit', () => {
    it('commits appends made in the same tick in one transaction, each with its own outcome', async () => {
      const store = openStore();
      await store.append('order-b', [proposed()], { expectedRevision: 'no_stream' });
      const before = store.commitStats;
      const outcomes = await Promise.all([
        settle(store.append('order-a', proposedMany(2), { expectedRevision: 'no_stream' })),
        settle(store.append('order-b', proposedMany(3), { expectedRevision: 'no_stream' })),
        settle(store.append('order-b', proposedMany(2), { expectedRevision: 0n })),
        settle(store.append('order-b', proposedMany(2), { expectedRevision: 0n })),
        settle(store.append('order-c', proposedMany(1), { expectedRevision: 3n })),
        settle(store.append('order-a', proposedMany(1), { expectedRevision: 1n })),
      ]);
      expect(store.commitStats).toEqual({ batches: before.batches + 1, appends: before.appends + 6 });
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false, false, true]);
      outcomes.filter((o) => !o.ok).forEach((o) => expect(!o.ok && o.error).toBeInstanceOf(WrongExpectedRevisionError));
      expect(outcomes[2]).toEqual({ ok: true, value: { nextExpectedRevision: 2n, position: expect.any(BigInt) } });
      // Only the winners' events are stored, whole, and in submission order.
      const all = await store.readAll({ maxCount: 100 });
      expect(all.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
        'order-b@0',
        'order-a@0',
        'order-a@1',
        'order-b@1',
        'order-b@2',
        'order-a@2',
      ]);
      expect(all.map((e) => e.position)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      for (const stream of ['order-a', 'order-b']) {
        expect(verifyStreamIntegrity(await store.readStream(stream, { raw: true })).valid).toBe(true);
      }
    });

    it('an append that fails while sealing does not disturb its batch', async () => {
      const store = openStore();
      const outcomes = await Promise.all([
        settle(store.append('order-a', [proposed()], { expectedRevision: 'no_stream' })),
        settle(store.append('order-b', [proposed('Bad', { amount: Number.NaN })], { expectedRevision: 'no_stream' })),
        settle(store.append('order-c', [proposed()], { expectedRevision: 'no_stream' })),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      expect((await store.readAll({ maxCount: 10 })).map((e) => e.streamId)).toEqual(['order-a', 'order-c']);
    });
  });

  describe('durability settings and schema', () => {
    it('opens in WAL with synchronous=FULL by default, migrates once, and reopens existing data', async () => {
      const first = openStore();
      expect(first.settings).toMatchObject({ journalMode: 'wal', synchronous: 'FULL', busyTimeoutMs: 5000 });
      await first.append('order-1', proposedMany(2), { expectedRevision: 'no_stream' });
      await first.close();
      const reopened = openStore({ synchronous: 'NORMAL', busyTimeoutMs: 250 });
      expect(reopened.settings).toMatchObject({ synchronous: 'NORMAL', busyTimeoutMs: 250 });
      expect(await reopened.readStream('order-1')).toHaveLength(2);
      const db = new BetterSqlite3(dir.path(), { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('user_version', { simple: true })).toBe(1);
      } finally {
        db.close();
      }
    });
  });

  describe('reads', () => {
    it('refuses a negative or fractional maxCount instead of reading without limit', async () => {
      const store = openStore();
      await store.append('order-1', proposedMany(3), { expectedRevision: 'no_stream' });
      await expect(store.readStream('order-1', { maxCount: -1 })).rejects.toThrow(RangeError);
      await expect(store.readAll({ maxCount: 1.5 })).rejects.toThrow('maxCount must be a whole number');
      expect(await store.readAll({ maxCount: 0 })).toEqual([]);
    });
  });

  describe('tamper detection', () => {
    const columns: Record<string, string> = {
      id: "'00000000-0000-4000-8000-000000000000'",
      type: "'SomethingElse'",
      version: 'version + 1',
      data: `'{"n":999}'`,
      metadata: `json_set(metadata, '$.actor', 'mallory')`,
      revision: 'revision + 100',
      stream_id: "'order-elsewhere'",
      prev_hash: `'${'f'.repeat(64)}'`,
      hash: `'${'e'.repeat(64)}'`,
    };

    it.each(Object.keys(columns))('detects an edited %s column in a stored row', async (column) => {
      const store = openStore();
      await store.append('order-1', proposedMany(4), { expectedRevision: 'no_stream' });
      expect(verifyStreamIntegrity(await store.readStream('order-1', { raw: true })).valid).toBe(true);
      const db = new BetterSqlite3(dir.path());
      try {
        db.prepare(
          `UPDATE events SET ${column} = ${columns[column]} WHERE stream_id = 'order-1' AND revision = 2`,
        ).run();
      } finally {
        db.close();
      }
      const report = verifyStreamIntegrity(await store.readStream('order-1', { raw: true }));
      expect(report.valid).toBe(false);
      // An edit of row 2 breaks row 2's link (or row 3's, when the row itself
      // was moved out of the stream).
      expect([2n, 3n]).toContain(report.firstBrokenRevision);
      expect(report.reason).toMatch(/^revision \d: /);
    });
  });

  describe('subscriptions across connections', () => {
    it('sees events committed through another connection to the same file by polling', async () => {
      const reader = openStore({ pollIntervalMs: 20 });
      const writer = openStore();
      const received: RecordedEvent[] = [];
      let caughtUp = false;
      const subscription = reader.subscribeToAll(
        { fromPosition: 'start', onCaughtUp: () => (caughtUp = true) },
        (e) => {
          received.push(e);
        },
      );
      await eventually(() => expect(caughtUp).toBe(true));
      await writer.append('order-1', proposedMany(3), { expectedRevision: 'no_stream' });
      await eventually(() => expect(received.map((e) => e.revision)).toEqual([0n, 1n, 2n]));
      await subscription.stop();
    });
  });

  describe('connections', () => {
    // Linux's view of the process's open files: how many of them are the store's database file.
    const handlesOn = (file: string) =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === realpathSync(file);
        } catch {
          return false; // closed while listing (the listing's own handle)
        }
      }).length;

    (existsSync('/proc/self/fd') ? it : it.skip)(
      "reads $all on a second connection, so a scan of the log stays out of the writer's cache, and closing closes both",
      async () => {
        const file = dir.path();
        const store = openSqliteEventStore({ filename: file });
        await store.append('order-1', proposedMany(3), { expectedRevision: 'no_stream' });
        expect(await store.readAll({ fromPosition: 0n, maxCount: 10 })).toHaveLength(3);
        expect(handlesOn(file)).toBe(2);
        await store.close();
        expect(handlesOn(file)).toBe(0);
      },
    );
  });

  describe('close', () => {
    it('commits appends still queued, stops subscriptions, then refuses further use', async () => {
      const store = openStore();
      let handled = 0;
      store.subscribeToAll({ fromPosition: 'start' }, () => void handled++);
      const pending = store.append('order-1', proposedMany(2), { expectedRevision: 'no_stream' });
      await store.close();
      await expect(pending).resolves.toEqual({ nextExpectedRevision: 1n, position: 1n });
      await expect(store.append('order-1', [proposed()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        StoreClosedError,
      );
      await expect(store.readStream('order-1')).rejects.toBeInstanceOf(StoreClosedError);
      const reopened = openStore();
      expect(await reopened.readStream('order-1')).toHaveLength(2);
      expect(handled).toBeLessThanOrEqual(2);
    });
  });
});
