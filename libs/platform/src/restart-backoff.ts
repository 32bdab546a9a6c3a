import type { IBackoff, IBackoffFactory } from 'cockatiel';
import { type BackoffSettings, exponentialBackoff } from './backoff';

/**
 * The waits of a loop that never gives up (a relay run, a subscription, a
 * projection) and reports how it goes. cockatiel's `retry` would hide the
 * failures from the loop's status, so the loop keeps its own `while` and
 * walks the same cockatiel backoff here: each failure in a row takes the
 * next wait; progress starts the schedule over.
 */
export class RestartBackoff {
  private readonly schedule: IBackoffFactory<unknown>;
  private current: IBackoff<unknown> | undefined;
  private inARow = 0;

  constructor(settings: BackoffSettings) {
    this.schedule = exponentialBackoff(settings);
  }

  /** Counts one more failure and returns the wait before the next attempt, in whole milliseconds. */
  nextDelayMs(): number {
    this.current = this.current === undefined ? this.schedule.next(undefined) : this.current.next(undefined);
    this.inARow += 1;
    return Math.round(this.current.duration);
  }

  /** The loop made progress: the next failure waits the first delay again. */
  reset(): void {
    this.current = undefined;
    this.inARow = 0;
  }

  /** Failures since the last progress (1 during the first wait). */
  get failures(): number {
    return this.inARow;
  }
}

/**
 * Waits `ms`, or less if `signal` aborts first: stop() must not wait out a
 * 10 s backoff. Resolves either way; the loop checks why it woke up.
 */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
