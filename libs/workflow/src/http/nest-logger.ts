import type { LoggerService } from '@nestjs/common';
import type { AppLogger } from '@licensing/platform';
import { storage } from 'nestjs-pino/storage';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A stack trace as Nest passes one to `error(message, stack, context)`. */
const STACK = /\n\s*at /;

/**
 * Nest's logger on pino: bootstrap, `Mapped {/path, METHOD} route`, and
 * every `new Logger('Context')` of ours come out as lines of the app's
 * logger, the context as `context`. Inside a request they use the
 * request's logger (bound by nestjs-pino's middleware), so they carry its
 * correlation id. nestjs-pino's own `Logger` keeps the first app's logger
 * for the whole process; this one writes to its app's, so two apps in one
 * process (specs) each log where they were told to.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: AppLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = storage.getStore()?.logger ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    // Nest appends the Logger's context as the last parameter; before it, error() may get a stack.
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' && !STACK.test(rest.at(-1) as string) ? rest.pop() : undefined;
    const stack = typeof rest[0] === 'string' && STACK.test(rest[0]) ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (stack !== undefined) fields['stack'] = stack;
    if (message instanceof Error) logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level]({ ...fields, ...message });
    else logger[level](fields, String(message));
  }
}
