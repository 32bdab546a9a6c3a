/**
 * The verifiable log at scale (issue 11's performance goals). Not a test:
 * `npm run bench:audit` (BENCH_EVENTS, default 1,000,000; BENCH_SECONDS for
 * the append scenarios). On a log of realistic events (approved applications
 * with their full decision records, the seeded policy):
 * - building the Merkle tree, online verification, export and offline
 *   verification, in events/s, with the heap sampled as they stream;
 * - decision replay from the log (each replay reads and chain-checks the
 *   application and every policy stream, re-evaluates, proves inclusion);
 * - the append rate of 64 writers with and without the log following.
 */
import { openSqliteEventStore, type EventStore, type ProposedEvent } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DecisionAudit } from '../src/decisions/decision-audit';
import { fillDecisionLog } from '../src/decisions/testing/decision-log';
import { verifyExport } from '../src/export/verify-export';
import { writeExport } from '../src/export/write-export';
import { MerkleLogStore } from '../src/merkle-log/merkle-log-store';
import { loadTreeHeadKeys } from '../src/merkle-log/signing-key';
import { VerifiableLog } from '../src/merkle-log/verifiable-log';
import { WorkerTreeFollower } from '../src/merkle-log/worker-tree-follower';
import { verifyStore } from '../src/verification/verify-store';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const clock = () => new Date().toISOString();
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const heapNow = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed;
};

/**
 * The largest heap still in use while some work streams: sampled at its
 * progress callbacks, at most every 2 s, after a full collection (node
 * --expose-gc), so garbage not yet collected does not count as memory held.
 */
class HeapPeak {
  peak = 0;
  private last = 0;
  sample(): void {
    if (now() - this.last < 2_000) return;
    global.gc?.();
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    this.last = now();
  }
}

const results: { step: string; events: number; ms: number; note: string }[] = [];
async function timed<T>(step: string, events: number, work: () => Promise<T>, note = ''): Promise<T> {
  global.gc?.();
  const start = now();
  const out = await work();
  results.push({ step, events, ms: now() - start, note });
  return out;
}

async function appendRate(withLog: 'no log' | 'in-thread' | 'worker', name: string): Promise<number> {
  const storeFile = join(dir, `${name}.sqlite`);
  const treeFile = join(dir, `${name}-audit.sqlite`);
  const store = openSqliteEventStore({ filename: storeFile });
  const tree = MerkleLogStore.open(treeFile);
  const worker = join(__dirname, '../src/merkle-log/testing/follower-worker.js');
  const log = new VerifiableLog(store, tree, loadTreeHeadKeys({ defaultFile: join(dir, `${name}.pem`) }), {
    now: clock,
    signEveryMs: 0,
    follower: withLog === 'worker' ? new WorkerTreeFollower(worker, { storeFile, treeFile }) : undefined,
  });
  if (withLog !== 'no log') await log.start();
  let appends = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  const writer = async (w: number) => {
    let expectedRevision: bigint | 'no_stream' = 'no_stream';
    while (now() < stopAt) {
      const event = { id: randomUUID(), type: 'BenchAppended', version: 1, data: { n: 1 }, metadata: fixedMetadata() };
      expectedRevision = (await store.append(`bench-${w}`, [event], { expectedRevision })).nextExpectedRevision;
      appends += 1;
    }
  };
  const start = now();
  stopAt = start + SECONDS * 1000;
  await Promise.all(Array.from({ length: 64 }, (_, w) => writer(w)));
  const rate = appends / ((now() - start) / 1000);
  if (withLog !== 'no log') {
    await log.catchUp(); // the appends still on their way to the subscription
    await log.stop();
    if (tree.size !== appends) throw new Error(`the tree holds ${tree.size} of ${appends} appends`);
  }
  tree.close();
  await store.close();
  return rate;
}

/** Small events (a shipment line, ~300 bytes stored): most of a licensing log but its decisions. */
async function fillSmall(store: EventStore): Promise<number> {
  const perAppend = 10;
  for (let n = 0; n < Math.ceil(EVENTS / perAppend); n++) {
    const proposed: ProposedEvent[] = Array.from({ length: perAppend }, (_, k) => ({
      id: randomUUID(),
      type: 'ShipmentRecorded',
      version: 1,
      data: { shipmentId: `s-${n}-${k}`, lines: [{ lineId: '1', quantity: k + 1 }], customsDeclarationRef: `CD-${n}` },
      metadata: fixedMetadata(),
    }));
    await store.append(`license-bench-${n}`, proposed, { expectedRevision: 'no_stream' });
  }
  return 0;
}

/** Tree, online verification, export and offline verification of one log; decision replay if it holds decisions. */
async function measure(name: string, filler: (store: EventStore) => Promise<number>): Promise<void> {
  const store = openSqliteEventStore({ filename: join(dir, `${name}.sqlite`), synchronous: 'NORMAL' });
  const fillStart = now();
  const applications = await filler(store);
  process.stderr.write(`  ${name}: filled in ${((now() - fillStart) / 1000).toFixed(0)} s\n`);
  const tree = MerkleLogStore.open(join(dir, `${name}-audit.sqlite`));
  const keys = loadTreeHeadKeys({ defaultFile: join(dir, `${name}-key.pem`) });
  const log = new VerifiableLog(store, tree, keys, { now: clock, signEveryMs: 0 });
  const size = await timed(`${name}: build the Merkle tree from $all`, 0, () => log.catchUp());
  (results.at(-1) as { events: number }).events = size;
  const head = await log.signNow();

  const baseline = heapNow();
  const verifyHeap = new HeapPeak();
  const report = await timed(`${name}: verify online (store + recorded leaves + heads)`, size, () =>
    verifyStore(store, tree, keys.publicKey, { progressEvery: 20_000, onProgress: () => verifyHeap.sample() }),
  );
  if (!report.ok) throw new Error(`the untouched log did not verify: ${report.summary}`);
  (results.at(-1) as { note: string }).note = `heap held ${mb(verifyHeap.peak)} (${mb(baseline)} before)`;

  const exportFile = join(dir, `${name}-export.ndjson`);
  const exportHeap = new HeapPeak();
  await timed(`${name}: export (complete, NDJSON to a file)`, size, async () => {
    const out = createWriteStream(exportFile);
    const write = async (line: string) => {
      if (!out.write(line)) await once(out, 'drain');
    };
    await writeExport(store, tree, { treeHead: head, filter: {}, exportedAt: clock() }, write, () =>
      exportHeap.sample(),
    );
    out.end();
    await once(out, 'finish');
  });
  (results.at(-1) as { note: string }).note = `${mb(statSync(exportFile).size)} file, heap held ${mb(exportHeap.peak)}`;

  const offlineHeap = new HeapPeak();
  const offline = await timed(`${name}: verify offline (export + public key)`, size, () =>
    verifyExport(createInterface({ input: createReadStream(exportFile), crlfDelay: Infinity }), {
      publicKey: keys.publicKey,
      trustedHead: head,
      onProgress: () => offlineHeap.sample(),
    }),
  );
  if (!offline.ok) throw new Error(`the export did not verify: ${offline.summary}`);
  (results.at(-1) as { note: string }).note = `heap held ${mb(offlineHeap.peak)}`;
  rmSync(exportFile);

  if (applications > 0) {
    const audit = new DecisionAudit(store, log, () => []);
    const sample = Math.min(200, applications);
    await timed(`${name}: decision replay from the log`, sample, async () => {
      for (let n = 0; n < sample; n++) {
        const result = await audit.replay(`bench-${n * Math.floor(applications / sample)}`);
        if (result.kind !== 'audited' || !result.answer.matches) throw new Error(`replay ${n} did not match`);
      }
    });
    (results.at(-1) as { note: string }).note =
      'decisions, not events: each reads and chain-checks its stream and every policy stream, re-evaluates, proves';
  }
  await log.stop();
  tree.close();
  await store.close();
  rmSync(join(dir, `${name}.sqlite`));
}

async function main() {
  await measure('decisions', (store) =>
    fillDecisionLog(store, dir, EVENTS, (line) => process.stderr.write(`  ${line}\n`)),
  );
  await measure('small', fillSmall);
  const without = await appendRate('no log', 'plain');
  const inThread = await appendRate('in-thread', 'followed');
  const inWorker = await appendRate('worker', 'worker');

  const cpu = cpus();
  console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, node ${process.version}`);
  console.log(
    `logs of ${EVENTS} events in ${tmpdir()}: "decisions" = approved applications (7 events each, the approval ` +
      `carrying its whole decision record) + the seeded policy; "small" = shipment events of ~300 bytes`,
  );
  console.log('');
  console.log('| step | events | seconds | events/s | note |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of results) {
    const rate = r.events / (r.ms / 1000);
    console.log(`| ${r.step} | ${r.events} | ${(r.ms / 1000).toFixed(1)} | ${rate.toFixed(0)} | ${r.note} |`);
  }
  console.log('');
  const fewer = (rate: number) => `${((1 - rate / without) * 100).toFixed(1)} % fewer`;
  console.log(
    `64 writers, durable appends for ${SECONDS}s: ${without.toFixed(0)}/s without the log; ` +
      `${inWorker.toFixed(0)}/s with it following in a worker thread, as the service runs it (${fewer(inWorker)}); ` +
      `${inThread.toFixed(0)}/s following in the appending thread (${fewer(inThread)}).`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
