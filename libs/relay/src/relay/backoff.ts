/**
 * The wait before the next attempt after `failures` failures in a row:
 * doubling from `initialMs` up to `maxMs`. No jitter: one relay per store,
 * so there is no herd to spread.
 */
export function retryDelay(failures: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}

/** A sleep that `cancel()` ends early, so stop() does not wait out a 10 s backoff. */
export function cancellableSleep(ms: number): { done: Promise<void>; cancel(): void } {
  let cancel = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, cancel };
}
