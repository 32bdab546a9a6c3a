import { type CliIo, type Progress, progressBar } from '../output';

const LABELS: Readonly<Record<string, string>> = {
  signing: 'signing a tree head',
  'verifiable-log': 'copying the verifiable log',
  'event-store': 'copying the event store',
  verify: 'verifying',
};

/** One progress bar per phase of a backup or restore, on the terminal only. */
export class PhaseProgress {
  private phase: string | null = null;
  private bar: Progress | null = null;

  constructor(private readonly io: CliIo) {}

  show(phase: string, done: number, total: number): void {
    if (phase !== this.phase) {
      this.bar?.stop();
      this.phase = phase;
      this.bar = progressBar(this.io, (LABELS[phase] ?? phase).padEnd(26), total);
    }
    this.bar?.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
