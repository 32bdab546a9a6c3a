import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Figure, describeGoal, goalMet, ratioOf } from './figures';
import type { Machine } from './machine';

export interface SuiteRun {
  readonly measuredAt: string;
  readonly machine: Machine;
  readonly settings: Readonly<Record<string, number | string>>;
  readonly parts: readonly { readonly id: string; readonly title: string; readonly seconds: number }[];
  readonly figures: readonly Figure[];
  /** Parts that could not run, and why: a bench that fails says so, it does not drop the row. */
  readonly failures: readonly { readonly part: string; readonly error: string }[];
}

const compact = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 100) / 100);

function cells(figure: Figure): string[] {
  const ratio = ratioOf(figure);
  const met = goalMet(figure);
  const details = Object.entries(figure.details ?? {})
    .map(([name, value]) => `${name} ${typeof value === 'number' ? compact(value) : value}`)
    .join(', ');
  return [
    figure.id,
    figure.what,
    `${compact(figure.value)} ${figure.unit}`,
    figure.reference ? `${compact(figure.reference.value)} (${figure.reference.what})` : '—',
    ratio === null ? '—' : `${Math.round(ratio * 100)} %`,
    describeGoal(figure) || '—',
    met === null ? '' : met ? 'met' : 'NOT MET',
    details,
  ];
}

/** One table on stdout (every figure with its reference and ratio), and the same run as JSON. */
export function printAndSave(run: SuiteRun, jsonFile: string): void {
  const header = ['figure', 'what', 'value', 'ceiling or peer (same run)', 'ratio', 'goal', '', 'details'];
  const rows = [header, ...run.figures.map(cells)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const { machine } = run;
  console.log(
    `\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}; ` +
      `load average ${machine.loadAverage.start} → ${machine.loadAverage.end ?? '?'}; ` +
      Object.entries(run.settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(' '),
  );
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
  for (const failure of run.failures) console.log(`${failure.part} FAILED: ${failure.error}`);
  mkdirSync(dirname(jsonFile), { recursive: true });
  const figures = run.figures.map((figure) => ({ ...figure, ratio: ratioOf(figure), goalMet: goalMet(figure) }));
  writeFileSync(jsonFile, `${JSON.stringify({ ...run, figures }, null, 2)}\n`);
  console.log(`\nFigures written to ${jsonFile}`);
}
