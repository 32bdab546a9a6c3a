/**
 * How long the shadows of a runner apply events, together, before they let
 * the event loop serve others. A catch-up reads SQLite synchronously, so
 * without this a rebuild of a large log would hold every request until it
 * finished.
 */
export const SLICE_MS = 5;

/** The time the shadows share: once it is spent, every one of them waits for the same next turn of the event loop. */
export class TimeSlice {
  private started = performance.now();
  private pause: Promise<void> | null = null;

  /** Nothing while the slice lasts; then a promise that resolves on the next turn of the event loop. */
  next(): Promise<void> | undefined {
    if (this.pause) return this.pause;
    if (performance.now() - this.started < SLICE_MS) return undefined;
    this.pause = new Promise((resolve) =>
      setImmediate(() => {
        this.pause = null;
        this.started = performance.now();
        resolve();
      }),
    );
    return this.pause;
  }
}
