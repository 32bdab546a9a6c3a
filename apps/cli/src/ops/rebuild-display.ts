import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from '../output';

/** A rebuild as GET /ops/rebuilds/{id} answers it: the parts the CLI shows. */
export interface RebuildAnswer {
  readonly id: string;
  readonly state: 'running' | 'completed' | 'failed';
  readonly readModels: readonly { readonly name: string; readonly swapped: boolean }[];
  readonly doneEvents: number;
  readonly totalEvents: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
  readonly error: string | null;
}

/** The answer if it has the shape of a rebuild; null otherwise. */
export function rebuildIn(value: unknown): RebuildAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const numbers = [r['doneEvents'], r['totalEvents'], r['eventsPerSecond']].every((n) => typeof n === 'number');
  const states = ['running', 'completed', 'failed'];
  if (typeof r['id'] !== 'string' || !states.includes(r['state'] as string) || !numbers) return null;
  if (!Array.isArray(r['readModels'])) return null;
  return value as RebuildAnswer;
}

export const namesOf = (rebuild: RebuildAnswer) => rebuild.readModels.map((model) => model.name).join(', ');

const percent = (rebuild: RebuildAnswer) =>
  rebuild.totalEvents === 0 ? 0 : Math.floor((100 * rebuild.doneEvents) / rebuild.totalEvents);
const eta = (rebuild: RebuildAnswer) => (rebuild.etaSeconds === null ? '?' : `${rebuild.etaSeconds} s`);

/** One line of progress, for a log: where no terminal shows a bar. */
export function progressLine(rebuild: RebuildAnswer): string {
  const swapped = rebuild.readModels.filter((model) => model.swapped).length;
  return `rebuild ${rebuild.id}: ${rebuild.doneEvents}/${rebuild.totalEvents} events (${percent(rebuild)}%), ${rebuild.eventsPerSecond} events/s, ETA ${eta(rebuild)}, ${swapped}/${rebuild.readModels.length} read models swapped`;
}

/**
 * The progress of a rebuild as it is polled: a cli-progress bar on a
 * terminal (its total follows the server's, which grows with appends), or
 * else a plain line whenever something moved.
 */
export class RebuildDisplay {
  private bar: SingleBar | null = null;
  private lastLine = '';

  constructor(private readonly io: CliIo) {}

  show(rebuild: RebuildAnswer): void {
    if (!this.io.progress) {
      const line = progressLine(rebuild);
      if (line !== this.lastLine) this.io.err(line);
      this.lastLine = line;
      return;
    }
    const payload = { rate: rebuild.eventsPerSecond, remaining: eta(rebuild) };
    if (this.bar === null) {
      this.bar = new SingleBar(
        {
          stream: this.io.progress,
          format: `rebuild ${rebuild.id} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {remaining}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(rebuild.totalEvents, 1), rebuild.doneEvents, payload);
    }
    this.bar.setTotal(Math.max(rebuild.totalEvents, rebuild.doneEvents, 1));
    this.bar.update(rebuild.doneEvents, payload);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
