import { CliFailure, EXIT } from '../cli-failure';
import { printJson } from '../output';
import { getJson } from '../service-client';
import {
  parseOptions,
  required,
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceTarget,
  type AuditCommand,
} from './command-options';
import { differenceLines, findingLines, integrityLines, isObject, proofLines, show } from './decision-report';

const COMMAND = 'audit replay';

const USAGE = `Usage: npm run cli -- audit replay --application <id> [--url <url>] [--token <jwt>] [--json]

Replays an application's recorded decision on the policy as it was known then
(GET /applications/<id>/decision-replay): the service re-reads the event log,
checks the hash chains, re-evaluates the rules and proves the events it read
are in the verifiable log. Prints whether it matches, rule by rule.

  --application <id>   the application whose decision to replay
${SERVICE_USAGE}

Exit codes: 0 the replay matches the recorded decision; 1 it does not (or a chain
is broken); 2 no answer (bad options, the service unreachable or refusing, e.g.
no recorded decision).`;

export const replayCommand: AuditCommand = {
  name: 'replay',
  summary: "replay an application's recorded decision; exit 1 if it does not match",
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, { application: { type: 'string' }, ...SERVICE_OPTIONS });
    const id = required(values.application, 'application', COMMAND, 'the application whose decision to replay');
    const target = serviceTarget(values, env, COMMAND);
    const answer = await getJson(target, `/applications/${encodeURIComponent(id)}/decision-replay`);
    if (!isObject(answer) || typeof answer['matches'] !== 'boolean')
      throw new CliFailure(
        `The service did not answer a decision replay: check --url points at the licensing service (${target.url}).`,
      );
    const matches = answer['matches'];
    if (values.json) printJson(io, answer);
    else
      io.out(
        [
          `Decision replay of application ${show(answer['applicationId'] ?? id)}: ${matches ? 'MATCHES' : 'DOES NOT MATCH'}`,
          `  outcome   ${show(answer['outcome'])}`,
          `  validOn   ${show(answer['validOn'])}`,
          `  knownAt   ${show(answer['knownAt'])}`,
          ...findingLines(answer),
          ...differenceLines(answer['differences']),
          ...integrityLines(answer['integrity']),
          ...proofLines(answer['proofs']),
        ].join('\n'),
      );
    return matches ? EXIT.ok : EXIT.failed;
  },
};
