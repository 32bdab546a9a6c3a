import { Presets, SingleBar } from 'cli-progress';

/** Where a command writes: answers to stdout, messages to stderr, a progress bar only on a terminal. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The terminal to draw progress bars on; undefined (no bar) when stderr is not a TTY. */
  readonly progress?: NodeJS.WritableStream;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** The first 16 hex digits of a hash or key id: enough to compare by eye. */
export function shortHex(hex: unknown): string {
  return typeof hex === 'string' && hex.length > 16 ? `${hex.slice(0, 16)}…` : String(hex);
}

export interface Progress {
  update(value: number): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

/** A cli-progress bar of `value / total` on the terminal, or nothing when there is none. */
export function progressBar(io: CliIo, label: string, total: number): Progress {
  if (!io.progress) return NO_PROGRESS;
  const bar = new SingleBar(
    {
      stream: io.progress,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  let stopped = false;
  return {
    update: (value) => bar.update(Math.min(value, Math.max(total, 1))),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
