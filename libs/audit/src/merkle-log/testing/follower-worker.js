// A WorkerTreeFollower script for the specs: TypeScript through ts-node, a
// SQLite store. With `crashOnceMarker`, the first worker dies after starting
// (and leaves the marker), as a worker hit by an uncaught error would.
require('ts-node/register/transpile-only');
require('tsconfig-paths/register');
const { existsSync, writeFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { openSqliteEventStore } = require('@licensing/event-store');
const { runMerkleLogWorker } = require('../merkle-log-worker');

runMerkleLogWorker(() => openSqliteEventStore({ filename: workerData.storeFile }), workerData.treeFile).then(() => {
  if (workerData.crashOnceMarker && !existsSync(workerData.crashOnceMarker)) {
    writeFileSync(workerData.crashOnceMarker, 'crashed');
    setTimeout(() => {
      throw new Error('the worker crashed');
    }, 10);
  }
});
