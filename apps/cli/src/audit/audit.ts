import { EXIT, UsageError } from '../cli-failure';
import type { AuditCommand, CommandContext } from './command-options';
import { exportCommand } from './export';
import { publicKeyCommand } from './public-key';
import { replayCommand } from './replay';
import { treeHeadCommand } from './tree-head';
import { verifyCommand } from './verify';
import { whatIfCommand } from './what-if';

const COMMANDS: readonly AuditCommand[] = [
  exportCommand,
  verifyCommand,
  treeHeadCommand,
  publicKeyCommand,
  replayCommand,
  whatIfCommand,
];

const width = Math.max(...COMMANDS.map((command) => command.name.length));

export const AUDIT_USAGE = `Usage: npm run cli -- audit <command> [options]

The auditor's commands: export the verifiable log and verify it offline, keep
the signed tree head and the public key, replay and question recorded decisions.

${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run npm run cli -- audit <command> --help for a command's options.

The commands that reach the service take --url (default: env LICENSING_URL, else
http://127.0.0.1:3000) and --token (default: env LICENSING_TOKEN), an auditor's
bearer token: export LICENSING_TOKEN=$(npm run -s token -- --sub <you> --role auditor)

Exit codes: 0 verified / matches / done; 1 tampering found, or the replay does
not match; 2 cannot run: bad options, a bad input file, the service unreachable
or refusing. --json prints the machine answer on stdout instead of text.`;

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

export async function runAudit(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (isHelp(name)) {
    context.io.out(AUDIT_USAGE);
    return EXIT.ok;
  }
  if (name === undefined)
    throw new UsageError(`Name an audit command: ${COMMANDS.map((c) => c.name).join(', ')}.`, 'audit');
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command)
    throw new UsageError(
      `'${name}' is not an audit command; they are ${COMMANDS.map((c) => c.name).join(', ')}.`,
      'audit',
    );
  if (rest.some(isHelpOption)) {
    context.io.out(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, context);
}

const isHelpOption = (arg: string) => arg === '--help' || arg === '-h';
