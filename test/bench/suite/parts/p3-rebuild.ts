/**
 * P3: rebuilding every read model from a log of about 1,000,000 events
 * (× BENCH_SCALE) of a realistic mix, through the runner's shadow rebuild
 * (what `POST /ops/rebuilds` runs), against what the store can feed: the
 * same events read through `readAll`, nothing applied.
 */
import { openConfiguredEventStore } from '@licensing/eventstoredb';
import type { BenchPart, Figure } from '../figures';
import { rebuildEveryReadModel } from './rebuild-run';
import { seededLog } from './seeded-log';

/** Events per readAll page for the reference: the page size the catch-up subscriptions read. */
const READ_PAGE = 500;
/** Longest the rebuild may run before it is cut and rated on what it did: the suite must end within 15 minutes. */
const REBUILD_BUDGET_SECONDS = Number(process.env['BENCH_REBUILD_SECONDS'] ?? 120);

/** Every event of the log read through the store's readAll in pages, parsed as subscribers get them. */
async function readWholeLog(dataDir: string): Promise<{ events: number; seconds: number }> {
  const store = openConfiguredEventStore({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir });
  try {
    const started = performance.now();
    let events = 0;
    let fromPosition: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ fromPosition, maxCount: READ_PAGE });
      events += page.length;
      const last = page.at(-1);
      if (last === undefined || page.length < READ_PAGE) break;
      fromPosition = last.position + 1n;
    }
    return { events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}

export const p3Rebuild: BenchPart = {
  id: 'P3',
  title: 'Rebuilding every read model from the log',
  async run(context) {
    const log = await seededLog(context);
    context.say('reading the whole log through readAll (the reference)…');
    const read = await readWholeLog(log.dataDir);
    context.say(`read ${read.events.toLocaleString('en')} events in ${read.seconds.toFixed(1)} s; rebuilding…`);
    const rebuild = await rebuildEveryReadModel(log.dataDir, context.workDir, REBUILD_BUDGET_SECONDS, (done) =>
      context.say(`rebuild: ${done.toLocaleString('en')} of ${read.events.toLocaleString('en')} events`),
    );
    const rate = rebuild.doneEvents / rebuild.seconds;
    const figure: Figure = {
      id: 'P3.rebuild',
      what: rebuild.cut
        ? `Rebuild of all ${rebuild.readModels} read models (shadow rebuild), CUT at ${REBUILD_BUDGET_SECONDS} s`
        : `Rebuild of all ${rebuild.readModels} read models (shadow rebuild, swapped in)`,
      value: Math.round(rate),
      unit: 'events/s',
      better: 'higher',
      reference: {
        what: `readAll of the same log, ${READ_PAGE} a page, nothing applied`,
        value: Math.round(read.events / read.seconds),
      },
      goal: { bound: 100_000 },
      details: {
        events: read.events,
        rebuiltEvents: rebuild.doneEvents,
        seconds: Math.round(rebuild.seconds * 10) / 10,
        longestSwapMs: Math.max(0, ...Object.values(rebuild.swapMs)),
        readSeconds: Math.round(read.seconds * 10) / 10,
        seedSeconds: log.seedSeconds === null ? 'shared' : Math.round(log.seedSeconds),
      },
    };
    return [figure];
  },
};
