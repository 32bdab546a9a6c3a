/**
 * Issue 14's goal, measured: every console page renders within a second on
 * the embedded default with 100,000 applications. `npm run bench:console`
 * (BENCH_CASES to change the count; CONSOLE_DIR to time another console
 * build; BENCH_DATA_DIR to keep the data directory, and reuse it next time
 * without the long catch-up). Not a test: the figures vary with the machine,
 * so it reports, and fails only when the bench itself cannot run.
 *
 * 1. seeds a new data directory's event store with generated cases through
 *    the store's own API; 2. starts the built service on it and waits until
 *    its read models and verifiable log have caught up; 3. signs in per role
 *    in headless Chromium and times each page of the console (the list read
 *    from page-routes.tsx now) from navigation start to ready.
 *
 * It lives in test/ because, like the system suites, it runs the built apps
 * as processes, drives them with their browser harness and may use every
 * library (the generated cases, the store); apps/console may import only the
 * domain.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../support/built-apps';
import { type ConsoleRole, ConsoleUnderTest, type SignIn } from '../support/console-browser';
import { benchDataDir } from './bench-data-dir';
import { type BenchFacts, report } from './bench-report';
import { BENCH_EXPORTER, benchPages } from './console-pages';
import { type PageTiming, sessionOf, timePage } from './page-timing';
import { progress } from './progress';
import { showCatchUpWhileStarting, waitUntilCaughtUp } from './service-catch-up';

const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const JSON_FILE = join(REPO_ROOT, 'tmp', 'bench', 'console.json');
/**
 * The read models catch up before the service listens, one event at a time
 * per read model: at 100,000 cases (about 460,000 events) tens of minutes on
 * a busy two-core machine.
 */
const CATCH_UP_TIMEOUT_MS = 120 * 60_000;

/** Who signs in as each role: ids the generated cases use, so scoped lists have rows. */
const PEOPLE: Record<ConsoleRole, SignIn> = {
  exporter: { sub: 'bench.exporter', role: 'exporter', exporterIds: [BENCH_EXPORTER] },
  licensing_officer: { sub: 'officer-g1', role: 'licensing_officer' },
  reviewer: { sub: 'reviewer-g3', role: 'reviewer' },
  policy_officer: { sub: 'bench.policy', role: 'policy_officer' },
  auditor: { sub: 'bench.auditor', role: 'auditor' },
  ops: { sub: 'bench.ops', role: 'ops' },
};

async function timeEveryPage(
  under: ConsoleUnderTest,
): Promise<{ timings: PageTiming[]; skipped: ReturnType<typeof benchPages>['skipped'] }> {
  const { pages, skipped } = benchPages();
  const sessions = new Map<ConsoleRole, string>();
  const timings: PageTiming[] = [];
  const bar = progress.bar('pages', pages.length, 'pages timed');
  try {
    for (const page of pages) {
      const session = sessions.get(page.role) ?? (await sessionOf(under, PEOPLE[page.role]));
      sessions.set(page.role, session);
      timings.push(await timePage(under, page, session));
      bar.increment(1);
    }
  } finally {
    bar.stop();
  }
  return { timings, skipped };
}

async function main(): Promise<void> {
  if (!Number.isInteger(CASES) || CASES < 8) throw new Error(`BENCH_CASES must be a whole number ≥ 8, got ${CASES}`);
  const data = await benchDataDir(CASES, process.env['BENCH_DATA_DIR'], progress);
  let under: ConsoleUnderTest | null = null;
  try {
    const { dataDir } = data;
    const started = Date.now();
    const stopShowing = showCatchUpWhileStarting(dataDir, progress);
    try {
      under = await ConsoleUnderTest.start({}, { dataDir, startTimeoutMs: CATCH_UP_TIMEOUT_MS });
    } finally {
      stopShowing();
    }
    await waitUntilCaughtUp(under.baseUrl, dataDir, progress, CATCH_UP_TIMEOUT_MS);
    const { cases, exporters, events, seedSeconds } = data;
    const facts: BenchFacts = { cases, exporters, events, seedSeconds, catchUpSeconds: (Date.now() - started) / 1000 };
    console.error(
      `${events.toLocaleString('en')} events` +
        (seedSeconds === null ? '' : `, seeded in ${seedSeconds.toFixed(0)} s`) +
        `; the service caught up in ${facts.catchUpSeconds.toFixed(0)} s`,
    );
    const { timings, skipped } = await timeEveryPage(under);
    report(facts, timings, skipped, JSON_FILE);
  } finally {
    await under?.close();
    data.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
