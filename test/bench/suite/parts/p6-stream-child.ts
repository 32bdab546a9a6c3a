/**
 * One stream of P6 in a process of its own (so another stream's heap does
 * not count in its figure): `tail`, `rebuild` or `export` over the log of
 * DATA_DIR, with the resident memory sampled from before the first event to
 * after the last. Answers its parent with one StreamMemory message.
 */
import { LiveTail, loadTreeHeadKeys, MerkleLogStore, VerifiableLog, writeExport } from '@licensing/audit';
import { openConfiguredEventStore } from '@licensing/eventstoredb';
import { once } from 'node:events';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { rebuildEveryReadModel } from './rebuild-run';

export type StreamKind = 'tail' | 'rebuild' | 'export';

export interface StreamMemory {
  readonly stream: StreamKind;
  readonly events: number;
  readonly seconds: number;
  /** Resident memory once everything is open, before the first event. */
  readonly baselineMb: number;
  readonly peakMb: number;
}

const SAMPLE_MS = 100;

/** The stream ran out of its time budget: it ends there and counts what it streamed. */
class OutOfTime extends Error {}
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A client reading as fast as a local socket: takes every chunk on the next turn, holds at most 64 KiB. */
function fastClient(): Writable {
  return new Writable({ highWaterMark: 64 * 1024, write: (_chunk, _encoding, done) => setImmediate(done) });
}

/** The live tail the SSE endpoint runs, from the start of the log, each event written as its SSE message. */
async function tail(dataDir: string, events: number, deadline: number): Promise<number> {
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  const client = fastClient();
  let delivered = 0;
  let allDelivered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  const cut = setTimeout(allDelivered, deadline - performance.now());
  // The service's LIVE_TAIL_BUFFER_EVENTS default; the message as SseStream writes it.
  const live = new LiveTail(
    store,
    { after: 'start', bufferEvents: 1_000 },
    {
      send: (event) => {
        delivered += 1;
        if (delivered === events) allDelivered();
        return client.write(`id: ${event.position}\nevent: recorded\ndata: ${JSON.stringify(event)}\n\n`);
      },
      drained: () => (client.writableNeedDrain ? once(client, 'drain').then(() => undefined) : Promise.resolve()),
    },
  );
  await done;
  clearTimeout(cut);
  await live.stop();
  await store.close();
  return delivered;
}

/** A complete export (`GET /audit/export`'s writeExport) at a head over the whole log, to a fast client. */
async function exportLog(
  dataDir: string,
  workDir: string,
  budgetSeconds: number,
): Promise<{ events: number; start: (deadline: number) => Promise<number> }> {
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  const tree = MerkleLogStore.open(join(workDir, 'audit.sqlite'));
  const log = new VerifiableLog(store, tree, loadTreeHeadKeys({ defaultFile: join(workDir, 'tree-head.pem') }), {
    now: () => new Date().toISOString(),
    signEveryMs: 0,
  });
  // Building the tree is the export's prerequisite, not what is measured; it too must keep to the suite's time.
  let treeCut: NodeJS.Timeout | undefined;
  const treeHead = await Promise.race([
    log.signNow(),
    new Promise<never>((_, reject) => {
      treeCut = setTimeout(
        () => reject(new Error(`The Merkle tree was not built within ${budgetSeconds} s`)),
        budgetSeconds * 1000,
      );
    }),
  ]);
  clearTimeout(treeCut);
  const start = async (deadline: number) => {
    const client = fastClient();
    let lines = 0;
    const sink = async (line: string) => {
      lines += 1;
      if (performance.now() > deadline) throw new OutOfTime();
      if (!client.write(line)) await once(client, 'drain');
    };
    const written = await writeExport(
      store,
      tree,
      { treeHead, filter: {}, exportedAt: treeHead.timestamp },
      sink,
    ).catch((error: unknown) => {
      if (error instanceof OutOfTime) return lines - 1;
      throw error;
    });
    await log.stop();
    tree.close();
    await store.close();
    return written;
  };
  return { events: treeHead.treeSize, start };
}

async function main(): Promise<void> {
  const [stream, dataDir, workDir, eventsArgument, budgetArgument] = process.argv.slice(2) as [
    StreamKind,
    string,
    string,
    string,
    string,
  ];
  const events = Number(eventsArgument);
  const budgetSeconds = Number(budgetArgument);
  let run: (deadline: number) => Promise<number>;
  if (stream === 'export') run = (await exportLog(dataDir, workDir, budgetSeconds)).start;
  else if (stream === 'tail') run = (deadline) => tail(dataDir, events, deadline);
  else run = async () => (await rebuildEveryReadModel(dataDir, workDir, budgetSeconds)).doneEvents;
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), SAMPLE_MS);
  const started = performance.now();
  const streamed = await run(started + budgetSeconds * 1000);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const report: StreamMemory = {
    stream,
    events: streamed,
    seconds: (performance.now() - started) / 1000,
    baselineMb: mb(baseline),
    peakMb: mb(peak),
  };
  process.send?.(report);
}

main().catch((error: unknown) => {
  console.error(error);
  // Work cut short may still hold the event loop (a tree still building).
  process.exit(1);
});
