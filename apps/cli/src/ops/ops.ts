import type { AuditCommand as OpsCommand, CommandContext } from '../audit/command-options';
import { EXIT, UsageError } from '../cli-failure';
import { backupCommand } from './backup';
import { rebuildCommand } from './rebuild';
import { restoreCommand } from './restore';
import { tailCommand } from './tail';

const COMMANDS: readonly OpsCommand[] = [backupCommand, restoreCommand, tailCommand, rebuildCommand];

const width = Math.max(...COMMANDS.map((command) => command.name.length));

export const OPS_USAGE = `Usage: npm run cli -- ops <command> [options]

The operator's commands.

${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run npm run cli -- ops <command> --help for a command's options.

The commands that reach the service take --url (default: env LICENSING_URL, else
http://127.0.0.1:3000) and --token (default: env LICENSING_TOKEN), an ops
bearer token: export LICENSING_TOKEN=$(npm run -s token -- --sub <you> --role ops)

Exit codes: 0 done; 1 a backup that does not verify (nothing was restored), or
a rebuild that failed; 2 cannot run: bad options, the service unreachable or refusing.`;

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

export async function runOps(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (isHelp(name)) {
    context.io.out(OPS_USAGE);
    return EXIT.ok;
  }
  const names = COMMANDS.map((c) => c.name).join(', ');
  if (name === undefined) throw new UsageError(`Name an ops command: ${names}.`, 'ops');
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`'${name}' is not an ops command; they are ${names}.`, 'ops');
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    context.io.out(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, context);
}
