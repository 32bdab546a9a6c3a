import { Presets, SingleBar } from 'cli-progress';

export interface ProgressBar {
  increment(by: number): void;
  update(value: number, total?: number): void;
  stop(): void;
}

export interface Progress {
  bar(label: string, total: number, unit: string): ProgressBar;
}

/**
 * A cli-progress bar on a terminal; elsewhere (a CI log, a pipe) a plain line
 * every tenth of the way, so a long seed shows it is alive without filling
 * the log with redraws.
 */
export const progress: Progress = {
  bar(label, total, unit) {
    return process.stderr.isTTY ? terminalBar(label, total, unit) : plainBar(label, total, unit);
  },
};

function terminalBar(label: string, total: number, unit: string): ProgressBar {
  const bar = new SingleBar(
    { format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}` },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    increment: (by) => bar.increment(by),
    update: (value, newTotal) => {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
}

function plainBar(label: string, initialTotal: number, unit: string): ProgressBar {
  const started = Date.now();
  let total = initialTotal;
  let value = 0;
  let lastTenth = -1;
  const report = () => {
    const tenth = total === 0 ? 10 : Math.floor((10 * value) / total);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.error(`${label}: ${value}/${total} ${unit} (${tenth * 10}%, ${seconds} s)`);
  };
  return {
    increment: (by) => {
      value += by;
      report();
    },
    update: (newValue, newTotal) => {
      value = newValue;
      if (newTotal !== undefined) total = newTotal;
      report();
    },
    stop: () => undefined,
  };
}
