// The verifiable log's follower in its own thread (WorkerTreeFollower):
// its own connection to the configured event store and to the tree's file.
import { runMerkleLogWorker } from '@licensing/audit';
import { workerData } from 'node:worker_threads';
import type { ServiceConfig } from '../config';
import { openEventStore } from '../infrastructure/open-event-store';

const { config, treeFile } = workerData as { config: ServiceConfig; treeFile: string };
runMerkleLogWorker(() => openEventStore(config), treeFile).catch((error: unknown) => {
  // An uncaught error ends the worker; the main thread sees it as the worker's 'error' event.
  throw error;
});
