import { CliFailure, EXIT } from '../cli-failure';
import { requireOutputFile, saveWhole } from '../files';
import { printJson, shortHex } from '../output';
import { getJson } from '../service-client';
import {
  parseOptions,
  required,
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceTarget,
  type AuditCommand,
} from './command-options';
import { treeHeadIn } from './trust-anchors';

const COMMAND = 'audit tree-head';

const USAGE = `Usage: npm run cli -- audit tree-head --out <head.json> [--url <url>] [--token <jwt>] [--json]

Saves the log's latest signed tree head (GET /audit/tree-heads/latest) as JSON.
Keep it: a later export verified with --tree-head <head.json> must extend it, so
the log cannot rewrite what it showed you without being caught.

  --out <file>      where to save the head
${SERVICE_USAGE}

Exit codes: 0 saved; 2 not saved (bad options, the service unreachable or refusing).`;

export const treeHeadCommand: AuditCommand = {
  name: 'tree-head',
  summary: "save the log's latest signed tree head (JSON)",
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, { out: { type: 'string' }, ...SERVICE_OPTIONS });
    const out = requireOutputFile(required(values.out, 'out', COMMAND, 'the file to save the tree head to'));
    const target = serviceTarget(values, env, COMMAND);
    const head = treeHeadIn(await getJson(target, '/audit/tree-heads/latest'));
    if (!head)
      throw new CliFailure(
        `The service did not answer a signed tree head: check --url points at the licensing service (${target.url}).`,
      );
    saveWhole(out, `${JSON.stringify(head, null, 2)}\n`);
    if (values.json) printJson(io, { file: out, ...head });
    else
      io.out(
        `Saved the tree head of size ${head.treeSize} signed at ${head.timestamp} (root ${shortHex(head.rootHash)}, key ${shortHex(head.keyId)}) to ${out}.`,
      );
    return EXIT.ok;
  },
};
