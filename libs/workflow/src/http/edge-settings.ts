import { z } from 'zod';

const KB = 1024;
const MB = 1024 * KB;
const UNIT = { b: 1, kb: KB, mb: MB } as const;

/** A size as people write it (`1mb`, `512kb`, `65536`), in bytes; binary units, as body-parser reads them. */
export const ByteSize = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\d+\s*(b|kb|mb)?$/, 'a size such as 1mb, 512kb or 65536 (bytes)')
  .transform((value) => {
    const [, amount = '0', unit = 'b'] = /^(\d+)\s*(b|kb|mb)?$/.exec(value) ?? [];
    return Number(amount) * UNIT[unit as keyof typeof UNIT];
  })
  .pipe(
    z
      .number()
      .int()
      .min(KB, 'at least 1kb')
      .max(64 * MB, 'at most 64mb'),
  );

/** A browser origin: scheme, host and optional port, nothing after. */
const Origin = z
  .string()
  .regex(/^https?:\/\/(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, 'an origin such as https://app.example.com');

/** A whole number of requests a minute; `0` turns the limit off. Strict: an empty value is an error, not 0. */
const PerMinute = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number of requests a minute, 0 for no limit')
    .transform(Number)
    .prefault(String(fallback));

/** The settings of an app's HTTP edge; apps spread `.shape` into their own settings schema. */
export const HttpEdgeSettings = z.object({
  /** The largest request body read; a larger one is a 413 problem. */
  BODY_LIMIT: ByteSize.prefault('1mb'),
  /** Comma-separated origins a browser may call the API from; unset, no CORS headers at all. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(Origin)),
});
export type HttpEdgeSettings = z.infer<typeof HttpEdgeSettings>;

/**
 * Rate limits, per minute over a sliding window. Per subject counts the
 * requests of one authenticated actor wherever they come from; per address
 * counts everything from one client address (IPv6 by /64), before anyone
 * is authenticated, so it also bounds failed logins.
 */
export const RateLimitSettings = z.object({
  RATE_LIMIT_PER_MINUTE: PerMinute(600),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: PerMinute(1200),
});
export type RateLimitSettings = z.infer<typeof RateLimitSettings>;
