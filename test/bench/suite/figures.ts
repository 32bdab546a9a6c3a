/**
 * The benchmark suite's vocabulary: each part measures figures, each figure
 * beside the ceiling or peer it is judged against, measured in the same run
 * (so the machine's state weighs on both alike).
 */
export interface Reference {
  /** What it is: "raw better-sqlite3, one INSERT per transaction", "Emmett 0.38.5", "bare NestJS endpoint". */
  readonly what: string;
  readonly value: number;
}

/** The goal for a figure: a share of its reference, an absolute bound, or both. */
export interface Goal {
  /** value / reference must be at least this (throughputs) or at most this (costs). */
  readonly ratio?: number;
  /** The value must be at least (higher is better) or at most (lower is better) this. */
  readonly bound?: number;
}

export interface Figure {
  /** Stable id for the JSON and for comparing runs: `P1.append.1-writer`. */
  readonly id: string;
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly better: 'higher' | 'lower';
  readonly reference?: Reference;
  readonly goal?: Goal;
  /** Supporting numbers (p50, p99, errors, events, seconds), printed after the figure. */
  readonly details?: Readonly<Record<string, number | string>>;
}

export interface BenchContext {
  /** Data multiplier: 1 for the standard run, 10 and 100 to show how cost grows. */
  readonly scale: number;
  /** Seconds per timed scenario (throughput parts). */
  readonly seconds: number;
  /** A fresh directory of this run, removed at the end. */
  readonly workDir: string;
  /** One line of progress on stderr. */
  readonly say: (line: string) => void;
}

export interface BenchPart {
  readonly id: string;
  readonly title: string;
  run(context: BenchContext): Promise<Figure[]>;
}

/** value / reference, the way round in which 1 means "as good as the reference". */
export function ratioOf(figure: Figure): number | null {
  if (figure.reference === undefined || figure.reference.value === 0) return null;
  return figure.better === 'higher' ? figure.value / figure.reference.value : figure.reference.value / figure.value;
}

/** Null when the figure has no goal. */
export function goalMet(figure: Figure): boolean | null {
  const { goal } = figure;
  if (goal === undefined) return null;
  const ratio = ratioOf(figure);
  const ratioMet = goal.ratio === undefined || (ratio !== null && ratio >= goal.ratio);
  const boundMet =
    goal.bound === undefined || (figure.better === 'higher' ? figure.value >= goal.bound : figure.value <= goal.bound);
  return ratioMet && boundMet;
}

export function describeGoal(figure: Figure): string {
  const { goal } = figure;
  if (goal === undefined) return '';
  const parts: string[] = [];
  if (goal.ratio !== undefined) parts.push(`≥ ${Math.round(goal.ratio * 100)} %`);
  if (goal.bound !== undefined)
    parts.push(`${figure.better === 'higher' ? '≥' : '<'} ${goal.bound.toLocaleString('en')} ${figure.unit}`);
  return parts.join(', ');
}
