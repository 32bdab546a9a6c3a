import { AUDIT_USAGE, runAudit } from './audit/audit';
import { CliFailure, EXIT, UsageError } from './cli-failure';
import { OPS_USAGE, runOps } from './ops/ops';
import type { CliIo } from './output';

const USAGE = `Usage: npm run cli -- <group> <command> [options]

  audit   the auditor's commands (export, verify, tree-head, public-key, replay, what-if)
  ops     the operator's commands (backup, restore, tail, rebuild)

${AUDIT_USAGE}

${OPS_USAGE}`;

/**
 * Runs the CLI and resolves to its exit code: 0 done, 1 tampering found or a
 * replay that does not match, 2 could not run. Expected failures print one
 * line saying what to do; only a bug prints a stack trace.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const [group, ...rest] = argv;
    if (group === 'audit') return await runAudit(rest, { io, env });
    if (group === 'ops') return await runOps(rest, { io, env });
    if (group === '--help' || group === '-h' || group === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    throw new UsageError(
      group === undefined
        ? 'Name a command group: audit, ops.'
        : `'${group}' is not a command group; try audit or ops.`,
      '',
    );
  } catch (error) {
    return failed(error, io);
  }
}

function failed(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    const help = error.helpCommand === '' ? '--help' : `${error.helpCommand} --help`;
    io.err(`${error.message}\nRun npm run cli -- ${help} for the options.`);
    return error.exitCode;
  }
  if (error instanceof CliFailure) {
    io.err(error.message);
    return error.exitCode;
  }
  io.err(
    `Unexpected error (a bug in the CLI; please report it):\n${error instanceof Error ? error.stack : String(error)}`,
  );
  return EXIT.cannotRun;
}
