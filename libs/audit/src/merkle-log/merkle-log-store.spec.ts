import { openSqliteEventStore } from '@licensing/event-store';
import { proposedMany } from '@licensing/event-store/testing';
import { rootOf, toHex } from '@licensing/verifiable-log';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLeaf } from '../event-leaf';
import { MerkleLogStore } from './merkle-log-store';

const dir = mkdtempSync(join(tmpdir(), 'merkle-log-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storedEvents(count: number) {
  return (await storedEventsAndText(count)).events;
}

/** The same events parsed (raw) and as their stored text. */
async function storedEventsAndText(count: number) {
  const store = openSqliteEventStore({ filename: join(dir, `events-${count}.sqlite`) });
  await store.append('case-1', proposedMany(count), { expectedRevision: 'no_stream' });
  const events = await store.readAll({ maxCount: count, raw: true });
  const texts = await store.readAllText({ maxCount: count });
  await store.close();
  return { events, texts };
}

describe('MerkleLogStore', () => {
  it('holds the root of its leaves across appends, reopening and batches that repeat events', async () => {
    const events = await storedEvents(37);
    const file = join(dir, 'tree.sqlite');
    const tree = MerkleLogStore.open(file);
    tree.append(events.slice(0, 20));
    tree.append(events.slice(10, 30)); // 10..19 again: skipped by position
    tree.close();
    const reopened = MerkleLogStore.open(file);
    reopened.append(events.slice(30));
    expect(reopened.size).toBe(37);
    expect(toHex(reopened.root())).toBe(toHex(rootOf(events.map(eventLeaf))));
    expect(toHex(reopened.root(20))).toBe(toHex(rootOf(events.slice(0, 20).map(eventLeaf))));
    expect(reopened.leafOfEvent(events[5]?.id ?? '')).toMatchObject({ leafIndex: 5, position: events[5]?.position });
    reopened.close();
  });

  it('grows the same tree from the stored text as from the parsed events (the follower reads text when it can)', async () => {
    const { events, texts } = await storedEventsAndText(23);
    const fromText = MerkleLogStore.open(join(dir, 'tree-from-text.sqlite'));
    fromText.append(texts.slice(0, 9));
    fromText.append(texts.slice(9));
    expect(fromText.size).toBe(23);
    expect(texts.map((text) => toHex(eventLeaf(text)))).toEqual(events.map((event) => toHex(eventLeaf(event))));
    expect(toHex(fromText.root())).toBe(toHex(rootOf(events.map(eventLeaf))));
    fromText.close();
  });

  it('migrates a file of the first schema (leaf hashes among the subtrees) without changing a root or proof', async () => {
    const events = await storedEvents(21);
    const file = join(dir, 'v1.sqlite');
    const tree = MerkleLogStore.open(file);
    tree.append(events);
    const [root, proof] = [toHex(tree.root()), tree.inclusionProof(6, 21).map(toHex)];
    tree.close();
    // Back to schema 1: the leaf hashes as level-0 subtrees, no hash column.
    const db = new BetterSqlite3(file);
    db.exec(`INSERT INTO subtrees (level, node_index, hash) SELECT 0, leaf_index, hash FROM leaves;
             ALTER TABLE leaves DROP COLUMN hash; PRAGMA user_version = 1;`);
    db.close();
    const migrated = MerkleLogStore.open(file);
    expect([toHex(migrated.root()), migrated.inclusionProof(6, 21).map(toHex)]).toEqual([root, proof]);
    expect(toHex(migrated.root(13))).toBe(toHex(rootOf(events.slice(0, 13).map(eventLeaf))));
    migrated.close();
  });
});
