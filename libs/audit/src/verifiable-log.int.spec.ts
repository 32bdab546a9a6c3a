import { openSqliteEventStore, type EventStore } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeExport } from './export/write-export';
import { verifyExport } from './export/verify-export';
import { MerkleLogStore } from './merkle-log/merkle-log-store';
import { loadTreeHeadKeys } from './merkle-log/signing-key';
import { VerifiableLog } from './merkle-log/verifiable-log';
import { TAMPER_KINDS, tamper } from './testing';
import { signTreeHead, verifyTreeHead } from './tree-head';
import { verifyStore } from './verification/verify-store';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'verifiable-log-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const clock = () => '2026-11-30T08:00:00.000Z';

async function history(store: EventStore, streams: number, perStream: number): Promise<void> {
  for (let round = 0; round < perStream; round++) {
    for (let s = 0; s < streams; s++) {
      const event = {
        id: randomUUID(),
        type: 'Happened',
        version: 1,
        data: { stream: s, round, amount: round * 1.5, tags: ['a', 'b'] },
        metadata: fixedMetadata({ recordedAt: new Date(Date.UTC(2026, 0, 1 + round, 0, s)).toISOString() }),
      };
      await store.append(`case-${s}`, [event], { expectedRevision: round === 0 ? 'no_stream' : BigInt(round - 1) });
    }
  }
}

/** A service's data dir: the event store, the audit log and its key, with a signed head over the history. */
async function loggedHistory() {
  const dir = fresh();
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const keys = loadTreeHeadKeys({ defaultFile: join(dir, 'tree-head-key.pem') });
  const log = new VerifiableLog(store, tree, keys, { now: clock, signEveryMs: 0 });
  await log.start();
  await history(store, 5, 6);
  const head = await log.signNow();
  await log.stop();
  await store.close();
  tree.close();
  return { dir, keys, head };
}

async function exportOf(dir: string, head: Awaited<ReturnType<typeof loggedHistory>>['head']) {
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const lines: string[] = [];
  await writeExport(store, tree, { treeHead: head, filter: {}, exportedAt: clock() }, (line) => {
    lines.push(line.trimEnd());
  });
  await store.close();
  tree.close();
  return lines;
}

async function* each(lines: readonly string[]) {
  yield* lines;
}

async function verifyOnline(dir: string, keys: ReturnType<typeof loadTreeHeadKeys>) {
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  try {
    return await verifyStore(store, tree, keys.publicKey);
  } finally {
    await store.close();
    tree.close();
  }
}

describe('the verifiable log', () => {
  it('follows the store, signs heads that verify, and an untouched log verifies online and offline', async () => {
    const { dir, keys, head } = await loggedHistory();
    expect(head.treeSize).toBe(30);
    expect(verifyTreeHead(head, keys.publicKey)).toEqual({ ok: true });
    const online = await verifyOnline(dir, keys);
    expect(online).toMatchObject({ ok: true, checkedEvents: 30, problems: 0, firstProblem: null });
    const offline = await verifyExport(each(await exportOf(dir, head)), { publicKey: keys.publicKey });
    expect(offline).toMatchObject({ ok: true, checkedEvents: 30, treeSize: 30 });
  });

  it.each(TAMPER_KINDS)('sees %s tampering online and offline and names the first bad leaf', async (kind) => {
    const { dir, keys, head } = await loggedHistory();
    const copy = fresh();
    for (const file of ['events.sqlite', 'audit-log.sqlite']) copyFileSync(join(dir, file), join(copy, file));
    let seed = 7;
    const tampering = tamper(
      join(copy, 'events.sqlite'),
      kind,
      () => (seed = (seed * 48271) % 2147483647) / 2147483647,
    );
    const online = await verifyOnline(copy, keys);
    expect(online.ok).toBe(false);
    expect(online.firstProblem?.leafIndex).toBe(tampering.firstBadLeaf);
    const offline = await verifyExport(each(await exportOf(copy, head)), { publicKey: keys.publicKey });
    expect(offline.ok).toBe(false);
    expect(offline.firstProblem?.leafIndex).toBe(tampering.firstBadLeaf);
  });

  it('refuses a head signed by another key, and a forked head', async () => {
    const { dir, keys, head } = await loggedHistory();
    const other = await loggedHistory(); // same shape, other events: another log
    const lines = await exportOf(dir, head);
    const foreign = await verifyExport(each(lines), { publicKey: other.keys.publicKey });
    expect(foreign.firstProblem).toMatchObject({ kind: 'bad_tree_head' });
    // The other log's head, re-signed with this log's key: a fork of the same size.
    const forked = signTreeHead(keys.privateKey, other.head);
    const fork = await verifyExport(each(lines), { publicKey: keys.publicKey, trustedHead: forked });
    expect(fork).toMatchObject({ ok: false, firstProblem: { kind: 'root_mismatch' } });
  });
});

describe('long passes over the log', () => {
  it('let other work run between batches: a timer set before a verification fires before it ends', async () => {
    const { dir, keys } = await loggedHistory();
    const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await verifyStore(store, tree, keys.publicKey, { batchSize: 5 }).then(() => order.push('verified'));
    expect(order).toEqual(['timer', 'verified']);
    await store.close();
    tree.close();
  });
});

describe('a tree head whose signature fails', () => {
  it('is reported online before anything is checked against it', async () => {
    const { dir, keys, head } = await loggedHistory();
    const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
    tree.saveTreeHead({ ...head, rootHash: 'cd'.repeat(32) }); // a head edited in the file: the signature no longer holds
    tree.close();
    const report = await verifyOnline(dir, keys);
    expect(report).toMatchObject({ ok: false, problems: 1, firstProblem: { kind: 'bad_tree_head', leafIndex: 30 } });
  });
});
