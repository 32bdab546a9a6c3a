/**
 * P1: durable appends to the SQLite event store with 1, 8 and 64 concurrent
 * writers, beside (in the same run) its ceilings — raw better-sqlite3 with
 * the same table and pragmas, one INSERT per transaction and 100-row
 * transactions — and its peer, Emmett's SQLite event store. Every store
 * starts pre-filled with 10,000 × BENCH_SCALE events (Emmett at most
 * 100,000), to show the cost of an append does not grow with the log.
 */
import { join } from 'node:path';
import type { BenchContext, BenchPart } from '../figures';
import { type AppendLoad, type AppendSubject, type LoadSample, mergeSamples } from './p1-append-load';
import { measureEmmettInChild } from './p1-emmett-process';
import { ceilingFigure, peerFigure, storeFigure } from './p1-figures';
import { openEventStoreSubject } from './p1-event-store-load';
import { openRawCeiling } from './p1-raw-ceilings';

const WRITER_COUNTS = [1, 8, 64] as const;
const PREFILLED_EVENTS = 10_000;
/**
 * Emmett pre-fills one append at a time (about 25 ms per 100 events here):
 * beyond this it would take many minutes at BENCH_SCALE=100, and its
 * figures do not depend on the log's size the way this store's are probed.
 */
const PEER_PREFILL_LIMIT = 100_000;
/**
 * The ceilings and this store run in this many short rounds, taken in turn,
 * so a burst of load from the machine's other work weighs on the store and
 * its ceilings alike rather than on whichever ran at that moment.
 */
const ROUNDS = 5;

interface Scenario {
  readonly subject: AppendSubject;
  readonly writers: number;
  readonly samples: LoadSample[];
}

async function runInRounds(scenarios: readonly Scenario[], seconds: number, say: (line: string) => void) {
  for (let round = 1; round <= ROUNDS; round++) {
    say(`round ${round} of ${ROUNDS}: the ceilings and this store at ${WRITER_COUNTS.join(' / ')} writers…`);
    for (const scenario of scenarios)
      scenario.samples.push(await scenario.subject.measure(scenario.writers, seconds / ROUNDS));
  }
}

/**
 * The peer runs after, each writer count once, in a process of its own:
 * when it collapses, the appends it leaves hanging would otherwise slow the
 * rounds of the others and the parts after this one.
 */
async function runPeer(filename: string, prefilled: number, context: BenchContext): Promise<AppendLoad[] | string> {
  try {
    const prefilledEvents = Math.min(prefilled, PEER_PREFILL_LIMIT);
    const run = { filename, prefilledEvents, writerCounts: WRITER_COUNTS, seconds: context.seconds };
    return await measureEmmettInChild(run, context.say);
  } catch (error) {
    // The peer could not be installed or pre-filled: say so beside this store's figures.
    context.say(`Emmett could not run: ${String(error)}`);
    return `could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 160);
  }
}

export const p1Store: BenchPart = {
  id: 'P1',
  title: 'Durable appends to the SQLite event store',
  async run(context) {
    const prefilled = PREFILLED_EVENTS * context.scale;
    context.say(
      `opening the ceilings, this store and Emmett, each pre-filled with ${prefilled.toLocaleString('en')} events…`,
    );
    const subjects: AppendSubject[] = [];
    try {
      const singleCommit = openRawCeiling(join(context.workDir, 'raw-single.sqlite'), prefilled, 1);
      subjects.push(singleCommit);
      const hundredRows = openRawCeiling(join(context.workDir, 'raw-hundred.sqlite'), prefilled, 100);
      subjects.push(hundredRows);
      const store = await openEventStoreSubject(join(context.workDir, 'event-store.sqlite'), prefilled, context.say);
      subjects.push(store);
      const scenario = (subject: AppendSubject, writers: number): Scenario => ({ subject, writers, samples: [] });
      const ceilings = [scenario(singleCommit, 1), scenario(hundredRows, 1)] as const;
      const stores = WRITER_COUNTS.map((writers) => scenario(store, writers));
      await runInRounds([...ceilings, ...stores], context.seconds, context.say);
      const peers = await runPeer(join(context.workDir, 'emmett.sqlite'), prefilled, context);
      const [single, hundred] = ceilings.map((c) => mergeSamples(1, c.samples)) as [AppendLoad, AppendLoad];
      return [
        ceilingFigure('P1.ceiling.single-commit', 'Raw better-sqlite3, one INSERT per transaction', single),
        ceilingFigure('P1.ceiling.100-row-commits', 'Raw better-sqlite3, 100-row transactions', hundred),
        ...stores.map((s) =>
          storeFigure(
            mergeSamples(s.writers, s.samples),
            store.appendsPerCommit(s.writers),
            single,
            hundred,
            prefilled,
          ),
        ),
        ...stores.map((s, i) =>
          peerFigure(
            mergeSamples(s.writers, s.samples),
            typeof peers === 'string' ? peers : peers[i]!,
            Math.min(prefilled, PEER_PREFILL_LIMIT),
          ),
        ),
      ];
    } finally {
      for (const subject of subjects) await subject.close();
    }
  },
};
