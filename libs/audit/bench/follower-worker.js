// The bench's verifiable-log worker: TypeScript through ts-node (inherited
// from the parent's -r flags), a SQLite store on the bench's file.
const { workerData } = require('node:worker_threads');
const { openSqliteEventStore } = require('@licensing/event-store');
const { runMerkleLogWorker } = require('../src/merkle-log/merkle-log-worker');

runMerkleLogWorker(() => openSqliteEventStore({ filename: workerData.storeFile }), workerData.treeFile);
