import { decorrelatedJitterGenerator, ExponentialBackoff, type GeneratorFn, type IBackoffFactory } from 'cockatiel';
import { z } from 'zod';

/** A number setting whose message names it and what it accepts. */
function numberThat(name: string, accepts: string, ok: (value: number) => boolean) {
  return z.custom<number>((value) => typeof value === 'number' && ok(value), {
    error: (issue) => `${name} must be ${accepts}, got ${String(issue.input)}`,
  });
}

/**
 * How long to wait between attempts: exponential from `initialDelayMs`,
 * never above `maxDelayMs`. With `jitter` (the default of every preset) the
 * waits follow cockatiel's decorrelated jitter (Polly's "DecorrelatedJitterV2"):
 * random, but growing like the exponential on average, so that the many
 * clients one outage drops do not all come back at the same instant.
 * Without jitter the waits are exactly initial × multiplierⁿ: for specs that
 * pin a schedule, and for logs that must be predictable.
 */
export const BackoffSettingsSchema = z
  .object({
    /** Scale of the first wait (with jitter, the first wait is between 0 and about 1.4 × this). */
    initialDelayMs: numberThat('initialDelayMs', 'a positive number', (ms) => Number.isFinite(ms) && ms > 0),
    /** Cap: an outage that lasts is retried at this pace, never slower. */
    maxDelayMs: numberThat('maxDelayMs', 'a finite number', Number.isFinite),
    /** Growth per failure in a row (cockatiel's `exponent`). */
    multiplier: numberThat('multiplier', '≥ 1', (m) => m >= 1),
    jitter: z.boolean({ error: (issue) => `jitter must be true or false, got ${String(issue.input)}` }),
  })
  .superRefine((settings, ctx) => {
    if (settings.maxDelayMs < settings.initialDelayMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxDelayMs'],
        message: `maxDelayMs (${settings.maxDelayMs}) must be at least initialDelayMs (${settings.initialDelayMs})`,
      });
    }
  });
export type BackoffSettings = z.infer<typeof BackoffSettingsSchema>;

/**
 * A loop that must keep going (a relay run, a subscription, a projection)
 * restarting after a failure: 200 ms growing to 10 s, forever. Each place
 * may start lower or higher (see its own default).
 */
export const RESTART_BACKOFF: BackoffSettings = {
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  multiplier: 2,
  jitter: true,
};

/**
 * Settings from a preset and a caller's partial overrides, checked, so a
 * setting that would spin (0 ms) or never grow fails at start, not in an
 * outage. `what` names the backoff in the message.
 */
export function backoffSettings(
  preset: BackoffSettings,
  overrides: Partial<BackoffSettings> = {},
  what = 'backoff',
): BackoffSettings {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const parsed = BackoffSettingsSchema.safeParse({ ...preset, ...given });
  if (!parsed.success)
    throw new RangeError(`Invalid ${what}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`);
  return parsed.data;
}

/** cockatiel's own no-jitter generator ignores the exponent; this one honours `multiplier`. */
const exactGenerator: GeneratorFn<number> = (failures = 0, options) => [
  Math.min(options.maxDelay, options.initialDelay * options.exponent ** failures),
  failures + 1,
];

/**
 * The cockatiel backoff for these settings: give it to `retry(…, { backoff })`,
 * or walk it with RestartBackoff in a loop that never gives up.
 */
export function exponentialBackoff(settings: BackoffSettings): IBackoffFactory<unknown> {
  const options = {
    initialDelay: settings.initialDelayMs,
    maxDelay: settings.maxDelayMs,
    exponent: settings.multiplier,
  };
  return settings.jitter
    ? new ExponentialBackoff({ ...options, generator: decorrelatedJitterGenerator })
    : new ExponentialBackoff({ ...options, generator: exactGenerator });
}
