/**
 * P1's peer: Emmett's SQLite event store (the store a TypeScript team would
 * pick), driven by the same closed loop as ours: one event per append, its
 * own stream per writer, the exact expected version. It is installed for the
 * benchmark only, into .bench-peers (infra/bench/ensure-bench-peers.mjs),
 * and runs with its own settings (WAL; it sets no busy timeout). Its errors
 * (SQLITE_BUSY, a connection closed under a concurrent append) are counted
 * and reported as they come, never retried away.
 */
import { fixedMetadata } from '@licensing/event-store/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../support/built-apps';
import { type AppendSubject, closedLoop } from './p1-append-load';

export const EMMETT_VERSION = '0.38.5';

interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
}

/** The part of `@event-driven-io/emmett-sqlite`'s API the benchmark uses. */
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): {
    appendToStream(
      streamName: string,
      events: EmmettEvent[],
      options?: { expectedStreamVersion?: bigint },
    ): Promise<{ nextExpectedStreamVersion: bigint }>;
  };
}

/** Installs the peer on first use (a few minutes: `sqlite3` builds from source) and loads it. */
function loadEmmett(say: (line: string) => void): EmmettSqlite {
  say(`ensuring Emmett ${EMMETT_VERSION} in .bench-peers (first run: npm install, sqlite3 built from source)…`);
  const installed = spawnSync(process.execPath, [join(REPO_ROOT, 'infra', 'bench', 'ensure-bench-peers.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (installed.status !== 0) throw new Error(`installing the benchmark peers failed (exit code ${installed.status})`);
  const peersDir = installed.stdout.trim().split('\n').at(-1)!;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from outside the product's dependencies on purpose
  return require(join(peersDir, 'node_modules', '@event-driven-io', 'emmett-sqlite')) as EmmettSqlite;
}

const PREFILL_EVENTS_PER_APPEND = 100;
/** An append still unanswered after this counts as an error, so a stuck peer cannot stall the suite. */
const APPEND_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${APPEND_TIMEOUT_MS / 1000} s`)), APPEND_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Emmett logs every failed transaction with console.log; the figure counts them instead of flooding the table. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run();
  } finally {
    console.log = log;
  }
}

type EmmettStore = ReturnType<EmmettSqlite['getSQLiteEventStore']>;

/**
 * Emmett fails now and then even with one writer ("SQLITE_BUSY: cannot
 * commit transaction - SQL statements in progress"): the pre-fill is not
 * measured, so it tries again, under a new stream name (the failed
 * append may or may not have been committed).
 */
async function prefillOnce(store: EmmettStore, streamName: string, events: EmmettEvent[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withTimeout(store.appendToStream(`${streamName}-${attempt}`, events, { expectedStreamVersion: 0n }));
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

export async function openEmmettPeer(
  filename: string,
  prefilledEvents: number,
  say: (line: string) => void,
): Promise<AppendSubject> {
  const emmett = loadEmmett(say);
  const store = emmett.getSQLiteEventStore({ fileName: filename });
  const metadata = { ...fixedMetadata() };
  say(`pre-filling Emmett with ${prefilledEvents.toLocaleString('en')} events…`);
  // One append at a time: Emmett's store shares one connection it closes after each call.
  for (let n = 0; n * PREFILL_EVENTS_PER_APPEND < prefilledEvents; n++) {
    const events = Array.from({ length: PREFILL_EVENTS_PER_APPEND }, (_, i) => ({
      type: 'BenchPrefilled',
      data: { n: i },
      metadata,
    }));
    await quietly(() => prefillOnce(store, `prefill-${n}`, events));
  }
  return {
    measure: (writers, seconds) =>
      quietly(() => {
        // A fresh store object per writer count: Emmett keeps one shared connection per object, and
        // appends a collapse left hanging must not weigh on the next scenario.
        const fresh = emmett.getSQLiteEventStore({ fileName: filename });
        const versions = Array.from({ length: writers }, () => 0n);
        return closedLoop(writers, seconds, async (w) => {
          const event = { type: 'BenchAppended', data: { n: 1 }, metadata };
          const append = fresh.appendToStream(`bench${writers}-${w}`, [event], { expectedStreamVersion: versions[w]! });
          versions[w] = (await withTimeout(append)).nextExpectedStreamVersion;
        });
      }),
    // Emmett closes its connection after every call: nothing is left open.
    close: () => Promise.resolve(),
  };
}
