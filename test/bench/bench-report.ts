import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { SkippedRoute } from './console-pages';
import type { PageTiming } from './page-timing';

/** The goal of issue 14: every page renders within a second. */
export const BUDGET_MS = 1_000;

export interface BenchFacts {
  readonly cases: number;
  readonly exporters: number;
  readonly events: number;
  /** Null when the log was seeded by an earlier run (BENCH_DATA_DIR). */
  readonly seedSeconds: number | null;
  readonly catchUpSeconds: number;
}

interface Row {
  readonly page: string;
  readonly route: string;
  readonly role: string;
  readonly rows: number | null;
  readonly coldMs: number | null;
  readonly p50Ms: number | null;
  readonly maxMs: number | null;
  readonly loadsMs: readonly number[];
  readonly verdict: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function rowOf(timing: PageTiming): Row {
  const { loadsMs } = timing;
  const measured = loadsMs.length > 0;
  const max = measured ? Math.max(...loadsMs) : null;
  const verdict =
    timing.failure !== null
      ? `NOT READY (${timing.failure})`
      : max !== null && max < BUDGET_MS
        ? `ok (< ${BUDGET_MS} ms)`
        : `SLOW (≥ ${BUDGET_MS} ms)`;
  return {
    page: timing.page.path,
    route: timing.page.route,
    role: timing.page.role,
    rows: timing.rows,
    coldMs: measured ? tenths(loadsMs[0]!) : null,
    p50Ms: measured ? tenths(median(loadsMs)) : null,
    maxMs: max === null ? null : tenths(max),
    loadsMs: loadsMs.map(tenths),
    verdict,
  };
}

const tenths = (value: number) => Math.round(value * 10) / 10;
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);

/** The table on stdout, and the same figures as JSON in `jsonFile`. */
export function report(
  facts: BenchFacts,
  timings: readonly PageTiming[],
  skipped: readonly SkippedRoute[],
  jsonFile: string,
): void {
  const rows = timings.map(rowOf);
  const width = Math.max(...rows.map((row) => row.page.length), 4);
  console.log(
    `\nConsole pages on ${facts.cases.toLocaleString('en')} applications ` +
      `(${facts.events.toLocaleString('en')} events, ${facts.exporters.toLocaleString('en')} exporters); ` +
      `navigation start → page ready, ${rows[0]?.loadsMs.length ?? 0} loads each (the first cold):\n`,
  );
  console.log(
    `${'page'.padEnd(width)}  ${'role'.padEnd(17)}  ${'rows'.padStart(4)}  ${'cold'.padStart(8)}  ${'p50'.padStart(8)}  ${'max'.padStart(8)}  verdict`,
  );
  for (const row of rows)
    console.log(
      `${row.page.padEnd(width)}  ${row.role.padEnd(17)}  ${String(row.rows ?? '—').padStart(4)}  ${ms(row.coldMs).padStart(8)}  ${ms(row.p50Ms).padStart(8)}  ${ms(row.maxMs).padStart(8)}  ${row.verdict}`,
    );
  for (const route of skipped) console.log(`${route.route}: not timed (${route.reason})`);
  const slow = rows.filter((row) => !row.verdict.startsWith('ok'));
  console.log(
    slow.length === 0
      ? `\nEvery page rendered within ${BUDGET_MS} ms.`
      : `\n${slow.length} of ${rows.length} page loads missed the ${BUDGET_MS} ms goal: ${slow.map((row) => `${row.page} (${row.role})`).join(', ')}.`,
  );
  mkdirSync(dirname(jsonFile), { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), budgetMs: BUDGET_MS, machine, ...facts, pages: rows, skipped }, null, 2)}\n`,
  );
  console.log(`Figures written to ${jsonFile}`);
}
