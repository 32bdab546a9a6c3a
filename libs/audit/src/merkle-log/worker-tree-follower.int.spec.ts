import { openSqliteEventStore } from '@licensing/event-store';
import { proposedMany } from '@licensing/event-store/testing';
import { rootOf, toHex } from '@licensing/verifiable-log';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLeaf } from '../event-leaf';
import { MerkleLogStore } from './merkle-log-store';
import { WorkerTreeFollower } from './worker-tree-follower';

const script = join(__dirname, 'testing', 'follower-worker.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'worker-follower-'));
  dirs.push(dir);
  return { dir, storeFile: join(dir, 'events.sqlite'), treeFile: join(dir, 'audit-log.sqlite') };
}

describe('WorkerTreeFollower', () => {
  it('keeps the tree level with the store from a worker thread; the main thread reads it after a catch-up', async () => {
    const { storeFile, treeFile } = files();
    const store = openSqliteEventStore({ filename: storeFile });
    await store.append('case-1', proposedMany(40), { expectedRevision: 'no_stream' });
    const follower = new WorkerTreeFollower(script, { storeFile, treeFile });
    await follower.start();
    await store.append('case-2', proposedMany(25), { expectedRevision: 'no_stream' });
    expect(await follower.catchUp()).toBe(65);
    const tree = MerkleLogStore.open(treeFile);
    const events = await store.readAll({ maxCount: 100, raw: true });
    expect(toHex(tree.root())).toBe(toHex(rootOf(events.map(eventLeaf))));
    await follower.stop();
    tree.close();
    await store.close();
  }, 60_000);

  it('starts a worker that died again, and the new one resumes at the last leaf', async () => {
    const { dir, storeFile, treeFile } = files();
    const store = openSqliteEventStore({ filename: storeFile });
    await store.append('case-1', proposedMany(10), { expectedRevision: 'no_stream' });
    const messages: string[] = [];
    let restarting!: () => void;
    const restarted = new Promise<void>((resolve) => (restarting = resolve));
    const crashOnceMarker = join(dir, 'crashed');
    const follower = new WorkerTreeFollower(script, { storeFile, treeFile, crashOnceMarker }, (message) => {
      messages.push(message);
      if (/starting it again/.test(message)) restarting();
    });
    await follower.start();
    await restarted; // the first worker died after starting
    await store.append('case-2', proposedMany(5), { expectedRevision: 'no_stream' });
    // Until the new worker is up, asking is refused ("not running"); then it catches up from the last leaf.
    let size = 0;
    for (let attempt = 0; attempt < 400 && size !== 15; attempt++) {
      size = await follower.catchUp().catch(() => new Promise<number>((resolve) => setTimeout(() => resolve(0), 25)));
    }
    expect(size).toBe(15);
    expect(messages.join('\n')).toMatch(/the worker crashed/);
    await follower.stop();
    await store.close();
  }, 60_000);
});
