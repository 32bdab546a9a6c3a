import { z } from 'zod';

/**
 * The logging settings every app shares. `LOG_LEVEL` keeps the names the
 * apps always had (`log`, `warn`, `error`) and adds `debug` and `info`
 * (`info` is `log`); `LOG_FORMAT` chooses JSON lines or readable output.
 */
export const LogSettings = z.object({
  /** Lowest level logged: `debug` adds health and metrics requests, `log` start-up, requests and activity, `warn` only trouble. */
  LOG_LEVEL: z.enum(['debug', 'info', 'log', 'warn', 'error']).default('log'),
  /** `json`: one JSON object a line; `pretty`: readable, for a person; `auto`: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
});
export type LogSettings = z.infer<typeof LogSettings>;

/** pino's level names; `log` is Nest's name for `info`. */
export type PinoLevel = 'debug' | 'info' | 'warn' | 'error';

export function pinoLevel(level: LogSettings['LOG_LEVEL']): PinoLevel {
  return level === 'log' ? 'info' : level;
}
