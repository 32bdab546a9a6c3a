import { keyIdOf } from '@licensing/audit';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { CliFailure, EXIT } from '../cli-failure';
import { requireOutputFile, saveWhole } from '../files';
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

const COMMAND = 'audit public-key';

const USAGE = `Usage: npm run cli -- audit public-key --out <key.pem> [--url <url>] [--token <jwt>] [--json]

Saves the Ed25519 public key that signs the log's tree heads (GET /audit/public-key)
as a PEM file for audit verify --public-key. A key fetched from the service you
audit proves nothing on its own: compare the key id printed with one published
out of band.

  --out <file>      where to save the key (PEM, SPKI)
${SERVICE_USAGE}

Exit codes: 0 saved; 2 not saved (bad options, the service unreachable or refusing,
or a key that does not have the id the service announced).`;

export const publicKeyCommand: AuditCommand = {
  name: 'public-key',
  summary: 'save the public key that signs the tree heads (PEM)',
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, { out: { type: 'string' }, ...SERVICE_OPTIONS });
    const out = requireOutputFile(required(values.out, 'out', COMMAND, 'the file to save the public key to'));
    const target = serviceTarget(values, env, COMMAND);
    const answer = (await getJson(target, '/audit/public-key')) as Record<string, unknown> | null;
    const pem = typeof answer?.['publicKeyPem'] === 'string' ? answer['publicKeyPem'] : '';
    const announced = answer?.['keyId'];
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      throw new CliFailure(
        `The service did not answer a PEM public key: check --url points at the licensing service (${target.url}).`,
      );
    }
    if (key.asymmetricKeyType !== 'ed25519')
      throw new CliFailure(
        `The service answered ${key.asymmetricKeyType ?? 'an unknown'} key; tree heads are Ed25519.`,
      );
    const keyId = keyIdOf(key);
    if (announced !== keyId)
      throw new CliFailure(
        `The key the service sent has id ${keyId}, not the ${String(announced)} it announced: do not trust it; nothing was saved.`,
      );
    saveWhole(out, pem.endsWith('\n') ? pem : `${pem}\n`);
    if (values.json) printJson(io, { file: out, algorithm: 'Ed25519', keyId });
    else
      io.out(
        [
          `Saved the log's Ed25519 public key to ${out}.`,
          `Key id: ${keyId}`,
          'Compare this id with one published out of band: a key fetched from the service you audit proves nothing on its own.',
        ].join('\n'),
      );
    return EXIT.ok;
  },
};
