import { CliFailure, EXIT } from '../cli-failure';
import { printJson } from '../output';
import { getJson } from '../service-client';
import { parseOptions, SERVICE_OPTIONS, SERVICE_USAGE, serviceTarget, type AuditCommand } from './command-options';
import { differenceLines, findingLines, integrityLines, isObject, proofLines, show } from './decision-report';
import { DECISION_OPTIONS, decisionTarget, decisionUsage } from './decision-target';

const COMMAND = 'audit replay';

const USAGE = `Usage: npm run cli -- audit replay (--application <id> | --license <id> --amendment <request id>)
                                   [--url <url>] [--token <jwt>] [--json]

Replays an application's recorded decision, or an amendment request's, on the
policy as it was known then (GET /applications/<id>/decision-replay, or
/licenses/<id>/decision-replay?amendmentRequestId=<request id>): the service
re-reads the event log, checks the hash chains, re-evaluates the rules and
proves the events it read are in the verifiable log. Prints whether it
matches, rule by rule.

${decisionUsage('replay')}
${SERVICE_USAGE}

Exit codes: 0 the replay matches the recorded decision; 1 it does not (or a chain
is broken); 2 no answer (bad options, the service unreachable or refusing, e.g.
no recorded decision).`;

export const replayCommand: AuditCommand = {
  name: 'replay',
  summary: "replay an application's (or amendment request's) recorded decision; exit 1 if it does not match",
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, { ...DECISION_OPTIONS, ...SERVICE_OPTIONS });
    const decision = decisionTarget(values, COMMAND, 'replay');
    const target = serviceTarget(values, env, COMMAND);
    const answer = await getJson(target, `${decision.path}/decision-replay`, decision.query);
    if (!isObject(answer) || typeof answer['matches'] !== 'boolean')
      throw new CliFailure(
        `The service did not answer a decision replay: check --url points at the licensing service (${target.url}).`,
      );
    const matches = answer['matches'];
    if (values.json) printJson(io, answer);
    else
      io.out(
        [
          `Decision replay of ${decision.label}: ${matches ? 'MATCHES' : 'DOES NOT MATCH'}`,
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
