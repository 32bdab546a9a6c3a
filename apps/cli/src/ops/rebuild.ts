import { readModelProjections } from '@licensing/projections';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AuditCommand,
  type CommandContext,
  parseOptions,
  SERVICE_OPTIONS,
  serviceTarget,
} from '../audit/command-options';
import { CliFailure, EXIT } from '../cli-failure';
import { printJson } from '../output';
import { getJson, postJson, type ServiceTarget } from '../service-client';
import { namesOf, type RebuildAnswer, RebuildDisplay, rebuildIn } from './rebuild-display';

const COMMAND = 'ops rebuild';
const OPTIONS = { ...SERVICE_OPTIONS, 'read-model': { type: 'string' } } as const;
/** How often the progress is asked for while the rebuild runs. */
export const POLL_MS = 1_000;

const USAGE = `Usage: npm run cli -- ops rebuild [--read-model <name>] [--url <url>] [--token <jwt>] [--json]

Rebuilds read models from the event log without downtime (POST
/admin/read-models/rebuild): each is replayed into shadow storage while the
live one keeps answering every read, and swapped in, in one transaction,
once it has caught up. Shows the progress (GET /ops/rebuilds/{id}) until it
ends: a bar on a terminal, otherwise a line whenever it moved. Ctrl-C stops
watching; the rebuild goes on.

  --read-model <name>  the one read model to rebuild (${readModelProjections()
    .map((projection) => projection.name)
    .join(', ')}); all of them by default
  --url <url>       the licensing service (default: env LICENSING_URL, else http://127.0.0.1:3000)
  --token <jwt>     an ops bearer token (default: env LICENSING_TOKEN)
  --json            print the finished rebuild (JSON) instead of text
  --help            this text

Exit codes: 0 every read model rebuilt and swapped in; 1 the rebuild failed
(the service stopped first; what was not swapped in yet is as it was); 2
cannot run: bad options, the service unreachable or refusing (a rebuild of
that read model already running: 409).`;

export const rebuildCommand: AuditCommand = {
  name: 'rebuild',
  summary: 'rebuild read models without downtime, with a progress bar',
  usage: USAGE,
  run: (argv, context) => runRebuild(argv, context),
};

/** The command, polling every `pollMs` (specs poll faster). */
export async function runRebuild(argv: readonly string[], context: CommandContext, pollMs = POLL_MS): Promise<number> {
  const values = parseOptions(COMMAND, argv, OPTIONS);
  const target = serviceTarget(values, context.env, COMMAND);
  const readModel = values['read-model'];
  const query = readModel === undefined ? '' : `?readModel=${encodeURIComponent(readModel)}`;
  let rebuild = answerOf(await postJson(target, `/admin/read-models/rebuild${query}`, undefined, 'ops'), target);
  const display = new RebuildDisplay(context.io);
  try {
    display.show(rebuild);
    while (rebuild.state === 'running') {
      await sleep(pollMs);
      rebuild = answerOf(await getJson(target, `/ops/rebuilds/${rebuild.id}`, {}, 'ops'), target);
      display.show(rebuild);
    }
  } finally {
    display.stop();
  }
  if (values.json) printJson(context.io, rebuild);
  if (rebuild.state === 'failed') {
    context.io.err(`Rebuild ${rebuild.id} of ${namesOf(rebuild)} failed: ${rebuild.error ?? 'no reason given'}`);
    return EXIT.failed;
  }
  if (!values.json)
    context.io.out(
      `Rebuilt ${namesOf(rebuild)} (rebuild ${rebuild.id}): ${rebuild.doneEvents} events read at ${rebuild.eventsPerSecond} events/s, each read model swapped in when it had caught up.`,
    );
  return EXIT.ok;
}

function answerOf(value: unknown, target: ServiceTarget): RebuildAnswer {
  const rebuild = rebuildIn(value);
  if (rebuild === null)
    throw new CliFailure(
      `The service did not answer a rebuild: check --url points at the licensing service (${target.url}).`,
    );
  return rebuild;
}
