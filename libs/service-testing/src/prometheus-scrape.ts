import { spawnSync } from 'node:child_process';

export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of a scrape in the Prometheus text format (enough of it for assertions). */
export function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
        labels[name!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

export function valueOf(all: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/**
 * `promtool check metrics` on a scrape: its exit status and whatever it
 * printed (empty when the scrape has no lint problem). promtool comes from
 * PATH: `npm test` installs it (infra/prometheus/ensure-promtool.mjs), so a
 * missing one fails rather than skips.
 */
export function promtoolCheck(text: string): { status: number | null; output: string } {
  const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (found.error !== undefined || found.status !== 0) {
    throw new Error(
      'promtool is not installed, so the scrape cannot be checked. Run `node infra/prometheus/ensure-promtool.mjs` (as root on Debian it installs the prometheus package), or `npm test`, which does.',
    );
  }
  const checked = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: checked.status, output: `${checked.stdout}${checked.stderr}` };
}
