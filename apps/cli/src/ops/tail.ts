import { type AuditCommand, type CommandContext, parseOptions, serviceTarget } from '../audit/command-options';
import { EXIT, UsageError } from '../cli-failure';
import { TailFollower } from './follow-tail';

const COMMAND = 'ops tail';
const OPTIONS = {
  from: { type: 'string' },
  'stream-prefix': { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const USAGE = `Usage: npm run cli -- ops tail [--from <position>] [--stream-prefix <p>] [--category <c>] [--type <T>] [--json]

Prints the events of the log as they are stored (GET /ops/events/live), one
line each: position, recorded at, stream, type, actor (role). Runs until
Ctrl-C. A dropped connection is resumed after the last event printed
(Last-Event-ID), as is a tail the service cut off for falling behind.

  --from <position>      start at this $all position (inclusive; 0: the whole log);
                         default: from now, new events only
  --stream-prefix <p>    only streams whose id starts with p (repeat for more)
  --category <c>         only streams of category c: license, application, exporter,
                         control (the part of the stream id before its first -)
  --type <T>             only events of type T, e.g. LicenseSuspended (repeat for more)
  --json                 one JSON envelope a line (NDJSON) instead
  --url <url>            the licensing service (default: env LICENSING_URL, else http://127.0.0.1:3000)
  --token <jwt>          an ops or auditor bearer token (default: env LICENSING_TOKEN)
  --help                 this text

Exit codes: 0 stopped with Ctrl-C; 2 cannot run: bad options, the service
unreachable at the start, or refusing (a token missing, expired or of another role).`;

/** `ops tail`, stopped by `stop` (the command itself: by Ctrl-C or SIGTERM). */
export async function runTail(
  argv: readonly string[],
  { io, env }: CommandContext,
  stop: AbortSignal,
): Promise<number> {
  const values = parseOptions(COMMAND, argv, OPTIONS);
  const from = values.from?.trim();
  if (from !== undefined && !/^\d{1,19}$/.test(from))
    throw new UsageError(
      `--from '${values.from}' is not a position: a whole number ≥ 0, e.g. 0 for the whole log.`,
      COMMAND,
    );
  const target = serviceTarget(values, env, COMMAND);
  const query = {
    ...(from === undefined ? {} : { from }),
    streamPrefix: values['stream-prefix'] ?? [],
    category: values.category ?? [],
    type: values.type ?? [],
  };
  await new TailFollower(target, query, { io, json: values.json === true, stop }).run();
  return EXIT.ok;
}

export const tailCommand: AuditCommand = {
  name: 'tail',
  summary: 'print the events of the log as they are stored, until Ctrl-C',
  usage: USAGE,
  async run(argv, context) {
    const stop = new AbortController();
    const interrupt = () => stop.abort();
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      return await runTail(argv, context, stop.signal);
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
  },
};
