/**
 * P1's closed-loop load: `writers` concurrent writers, each appending one
 * event at a time and waiting for it, for `seconds` after a warm-up. The
 * same driver runs this store and the peer, so their figures are comparable.
 */

/** One timed run of a scenario; a part runs each scenario in rounds and merges them. */
export interface LoadSample {
  /** Milliseconds of each successful append while measuring. */
  readonly latencies: number[];
  readonly elapsedMs: number;
  /** Process CPU (user + system, every thread) while measuring. */
  readonly cpuUs: number;
  /** The message of each failed append while measuring. */
  readonly errors: string[];
}

/** A store (or a ceiling) under load: one closed loop per call, its state kept between rounds. */
export interface AppendSubject {
  measure(writers: number, seconds: number): Promise<LoadSample>;
  close(): Promise<void>;
}

export interface AppendLoad {
  readonly writers: number;
  /** Successful appends while measuring. */
  readonly appends: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Process CPU per successful append. */
  readonly cpuUsPerAppend: number;
  readonly errors: number;
  /** The failures by message: "3× SQLITE_BUSY: database is locked; …". */
  readonly errorKinds: string;
}

export const WARMUP_MS = 500;

const nowMs = () => performance.now();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The rounds of one scenario as one figure. */
export function mergeSamples(writers: number, samples: readonly LoadSample[]): AppendLoad {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const elapsedMs = samples.reduce((sum, sample) => sum + sample.elapsedMs, 0);
  const cpuUs = samples.reduce((sum, sample) => sum + sample.cpuUs, 0);
  const errors = samples.flatMap((sample) => sample.errors);
  const kinds = new Map<string, number>();
  for (const message of errors) kinds.set(message, (kinds.get(message) ?? 0) + 1);
  return {
    writers,
    appends: latencies.length,
    perSecond: Math.round(latencies.length / (elapsedMs / 1000)),
    p50Ms: round2(percentile(latencies, 50)),
    p99Ms: round2(percentile(latencies, 99)),
    cpuUsPerAppend: latencies.length === 0 ? Number.NaN : Math.round(cpuUs / latencies.length),
    errors: errors.length,
    errorKinds: [...kinds].map(([message, count]) => `${count}× ${message}`).join('; '),
  };
}

const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return used.user + used.system;
};

/**
 * Runs `appendOnce(writer)` in `writers` concurrent loops. A failed append
 * is counted (with its message) and the writer goes on: the peer's errors
 * are part of its figure, not a reason to stop.
 */
export async function closedLoop(
  writers: number,
  seconds: number,
  appendOnce: (writer: number) => Promise<void>,
): Promise<LoadSample> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let measuring = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const writer = async (w: number) => {
    while (nowMs() < stopAt) {
      const started = nowMs();
      try {
        await appendOnce(w);
        if (measuring) latencies.push(nowMs() - started);
      } catch (error) {
        if (measuring)
          errors.push(error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error));
        // A peer failing at once would spin: let the others (and its I/O) run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  };
  const running = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  measuring = true;
  const cpu = process.cpuUsage();
  const started = nowMs();
  stopAt = started + seconds * 1000;
  await running;
  return { latencies, elapsedMs: nowMs() - started, cpuUs: cpuSince(cpu), errors };
}

/** The synchronous twin for raw better-sqlite3: `commitOnce` commits `rowsPerCommit` rows. */
export function synchronousLoop(seconds: number, rowsPerCommit: number, commitOnce: () => void): LoadSample {
  const warmupEnd = nowMs() + WARMUP_MS;
  while (nowMs() < warmupEnd) commitOnce();
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = nowMs();
  const end = started + seconds * 1000;
  while (nowMs() < end) {
    const t = nowMs();
    commitOnce();
    // Every row of a commit waits for that commit: one latency per row.
    const latency = nowMs() - t;
    for (let row = 0; row < rowsPerCommit; row++) latencies.push(latency);
  }
  return { latencies, elapsedMs: nowMs() - started, cpuUs: cpuSince(cpu), errors: [] };
}
