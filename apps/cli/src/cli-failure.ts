/**
 * The exit codes of every command (apps/cli/README.md):
 * 0 verified / matches / done; 1 tampering found or the replay does not
 * match; 2 the command could not do its job (bad arguments, a bad input
 * file, the service unreachable or refusing).
 */
export const EXIT = { ok: 0, failed: 1, cannotRun: 2 } as const;

/** An expected failure: a one-line message saying what to do, no stack trace. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.cannotRun,
  ) {
    super(message);
  }
}

/** A bad invocation: the message, then where the options are listed. */
export class UsageError extends CliFailure {
  constructor(
    message: string,
    readonly helpCommand: string,
  ) {
    super(message, EXIT.cannotRun);
  }
}
