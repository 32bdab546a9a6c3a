/** How long a dropped subscription waits before it re-subscribes. */
export interface BackoffSettings {
  /** Wait before the first retry. */
  readonly initialDelayMs: number;
  /** Cap: a cluster that is down for long is retried at this pace, never slower. */
  readonly maxDelayMs: number;
  /** Growth per consecutive failure. */
  readonly multiplier: number;
  /**
   * Fraction (0…1) of each delay taken off at random, so that the many
   * subscribers dropped by one leader election do not return in lockstep.
   * Only ever shortens a delay, so the cap holds.
   */
  readonly jitter: number;
}

/** 100 ms, 200 ms, 400 ms … capped at 10 s (a leader election usually takes 1–3 s). */
export const DEFAULT_BACKOFF: BackoffSettings = { initialDelayMs: 100, maxDelayMs: 10_000, multiplier: 2, jitter: 0.2 };

export function checkBackoffSettings(settings: BackoffSettings): BackoffSettings {
  const { initialDelayMs, maxDelayMs, multiplier, jitter } = settings;
  const refuse = (reason: string): never => {
    throw new RangeError(`Invalid re-subscription backoff: ${reason}.`);
  };
  if (!(initialDelayMs > 0) || !Number.isFinite(initialDelayMs)) refuse(`initialDelayMs must be a positive number, got ${initialDelayMs}`);
  if (!(maxDelayMs >= initialDelayMs) || !Number.isFinite(maxDelayMs)) refuse(`maxDelayMs (${maxDelayMs}) must be at least initialDelayMs (${initialDelayMs})`);
  if (!(multiplier >= 1)) refuse(`multiplier must be ≥ 1, got ${multiplier}`);
  if (!(jitter >= 0 && jitter <= 1)) refuse(`jitter must be between 0 and 1, got ${jitter}`);
  return settings;
}

/**
 * The wait before retry number `failures + 1`, where `failures` counts the
 * attempts that failed in a row (0 for the first retry). `random` returns
 * [0, 1); tests pass a fixed one.
 */
export function backoffDelay(failures: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponential = settings.initialDelayMs * settings.multiplier ** Math.max(0, failures);
  const capped = Math.min(settings.maxDelayMs, exponential);
  return Math.round(capped * (1 - settings.jitter * random()));
}
