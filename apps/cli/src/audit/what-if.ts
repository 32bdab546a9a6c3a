import { CliFailure, EXIT } from '../cli-failure';
import { printJson } from '../output';
import { getJson } from '../service-client';
import {
  instant,
  legalDate,
  parseOptions,
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceTarget,
  type AuditCommand,
} from './command-options';
import { differenceLines, findingLines, integrityLines, isObject, show } from './decision-report';
import { DECISION_OPTIONS, decisionTarget, decisionUsage } from './decision-target';

const COMMAND = 'audit what-if';

const USAGE = `Usage: npm run cli -- audit what-if (--application <id> | --license <id> --amendment <request id>)
                                    [--valid-on <YYYY-MM-DD>] [--known-at <iso>] [--url <url>] [--token <jwt>] [--json]

Re-evaluates an application's recorded inputs, or an amendment request's, at
another legal date and/or knowledge time (GET /applications/<id>/what-if, or
/licenses/<id>/what-if?amendmentRequestId=<request id>) and prints what would
differ from the recorded decision, rule by rule. Nothing is stored.

${decisionUsage('re-evaluate')}
  --valid-on <date>    the legal date whose law to apply (default: the decision's own)
  --known-at <iso>     the policy as known at this instant, UTC (default: the decision's own)
${SERVICE_USAGE}

Exit codes: 0 answered (whether or not anything differs); 2 no answer (bad options,
the service unreachable or refusing).`;

export const whatIfCommand: AuditCommand = {
  name: 'what-if',
  summary: 'what a recorded decision would be at another date or knowledge time',
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, {
      ...DECISION_OPTIONS,
      'valid-on': { type: 'string' },
      'known-at': { type: 'string' },
      ...SERVICE_OPTIONS,
    });
    const decision = decisionTarget(values, COMMAND, 're-evaluate');
    const query = {
      ...decision.query,
      validOn: legalDate(values['valid-on'], 'valid-on', COMMAND),
      knownAt: instant(values['known-at'], 'known-at', COMMAND),
    };
    const target = serviceTarget(values, env, COMMAND);
    const answer = await getJson(target, `${decision.path}/what-if`, query);
    if (!isObject(answer))
      throw new CliFailure(
        `The service did not answer a what-if: check --url points at the licensing service (${target.url}).`,
      );
    if (values.json) printJson(io, answer);
    else io.out(describe(answer, decision.label).join('\n'));
    return EXIT.ok;
  },
};

function describe(answer: Record<string, unknown>, label: string): string[] {
  const position = (at: unknown) =>
    isObject(at)
      ? `valid on ${show(at['validOn'])} as known at ${show(at['knownAt'])}: ${show(at['verdict'])}`
      : show(at);
  const changed = answer['changed'];
  return [
    `What-if for ${label} (${show(answer['outcome'])}): ${
      changed === true ? 'it would CHANGE' : changed === false ? 'nothing would change' : 'see below'
    }`,
    `  recorded  ${position(answer['recorded'])}`,
    `  what-if   ${position(answer['whatIf'])}`,
    ...findingLines(answer),
    ...differenceLines(answer['differences']),
    ...integrityLines(answer['integrity']),
  ];
}
