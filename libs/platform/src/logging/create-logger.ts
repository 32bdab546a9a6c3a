import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { type LogSettings, pinoLevel } from './log-settings';

/** The logger every part of an app writes to: pino, one JSON object a line unless a person reads it. */
export type AppLogger = Logger;

export interface LoggerOptions extends Partial<LogSettings> {
  /** The app, in every line as `app`. */
  readonly app: string;
  /** Where the lines go; default stdout. Specs pass a stream of their own to read them. */
  readonly destination?: DestinationStream;
  /** Whether a person reads the destination, for `LOG_FORMAT=auto`; default: stdout is a terminal (never, for a destination given). */
  readonly isTerminal?: boolean;
}

/**
 * Credentials never reach a log line, whatever logs them: a request's
 * Authorization and Cookie headers, anything named like a token or a
 * password, one or two levels down.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'password',
  '*.authorization',
  '*.token',
  '*.accessToken',
  '*.password',
];

/**
 * An app's logger. Writes synchronously (pino's default destination): a
 * line logged just before the process exits is not lost, and specs read
 * every line as soon as the call returns.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  const settings = {
    level: pinoLevel(options.LOG_LEVEL ?? 'log'),
    base: { app: options.app },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  const format = options.LOG_FORMAT ?? 'auto';
  const terminal = options.isTerminal ?? (options.destination === undefined && process.stdout.isTTY === true);
  if (format === 'pretty' || (format === 'auto' && terminal)) {
    // In this process, not pino's worker-thread transport: nothing to start, nothing lost at exit.
    const readable = pretty({
      sync: true,
      destination: options.destination ?? 1,
      ignore: 'pid,hostname,app,context',
      translateTime: 'SYS:HH:MM:ss.l',
      // One line an entry, as Nest's own logger printed: `INFO: RouterExplorer: Mapped {/health/live, GET} route`.
      messageFormat: '{if context}{context}: {end}{msg}',
      singleLine: true,
    });
    return pino(settings, readable);
  }
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
}
