import { handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { type BackoffSettings, backoffSettings, exponentialBackoff } from './backoff';

export type { RetryPolicy };

export interface RetrySettings {
  /** Retries after the first attempt (cockatiel's `maxAttempts`): 4 means at most 5 attempts. */
  readonly retries: number;
  readonly backoff: BackoffSettings;
}

/**
 * Optimistic concurrency: another writer appended between our read and our
 * write, so read again and decide again. A handful of attempts, each a few
 * milliseconds apart at random, so writers that collided once do not
 * collide again in lockstep; a stream that contended must be a bug or a
 * hot spot, and the caller then gets the conflict.
 */
export const WRITE_CONFLICT_RETRY: RetrySettings = {
  retries: 4,
  backoff: { initialDelayMs: 10, maxDelayMs: 200, multiplier: 2, jitter: true },
};

/**
 * A cockatiel retry policy: runs a call again, after the backoff's wait,
 * while it throws an error `isRetryable` accepts, at most `retries` times;
 * then (or for any other error) the call's own error is thrown.
 */
export function retryPolicy(isRetryable: (error: unknown) => boolean, settings: RetrySettings): RetryPolicy {
  if (!Number.isInteger(settings.retries) || settings.retries < 0) {
    throw new RangeError(`Invalid retry: retries must be a whole number ≥ 0, got ${settings.retries}.`);
  }
  return retry(handleWhen(isRetryable), {
    maxAttempts: settings.retries,
    backoff: exponentialBackoff(backoffSettings(settings.backoff, {}, 'retry backoff')),
  });
}
