import type { EventStore } from '@licensing/event-store';
import { parentPort } from 'node:worker_threads';
import { MerkleLogFollower } from './merkle-log-follower';
import { MerkleLogStore } from './merkle-log-store';

/** Main thread → worker. */
export type WorkerRequest = { readonly id: number; readonly kind: 'catchUp' | 'stop' };
/** Worker → main thread. */
export type WorkerReply =
  | { readonly kind: 'started' }
  | { readonly kind: 'done'; readonly id: number; readonly size: number }
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };

/**
 * The worker's side of WorkerTreeFollower: its own connections to the event
 * store and to the tree's file, the follower, and a message loop. The main
 * thread keeps serving requests and signing heads from its own connection.
 */
export async function runMerkleLogWorker(openStore: () => EventStore, treeFile: string): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runMerkleLogWorker runs in a worker thread');
  const store = openStore();
  const tree = MerkleLogStore.open(treeFile);
  const follower = new MerkleLogFollower(store, tree, (message) => {
    port.postMessage({ kind: 'failed', id: null, message } satisfies WorkerReply);
  });
  port.on('message', (request: WorkerRequest) => {
    const answer = async (): Promise<number> => {
      if (request.kind === 'catchUp') return follower.catchUp();
      await follower.stop();
      tree.close();
      await store.close();
      return tree.size;
    };
    answer().then(
      (size) => {
        port.postMessage({ kind: 'done', id: request.id, size } satisfies WorkerReply);
        if (request.kind === 'stop') port.close();
      },
      (error: unknown) =>
        port.postMessage({ kind: 'failed', id: request.id, message: String(error) } satisfies WorkerReply),
    );
  });
  await follower.start();
  port.postMessage({ kind: 'started' } satisfies WorkerReply);
}
