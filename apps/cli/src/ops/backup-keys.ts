import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../cli-failure';

export const OFFLINE_KEY_USAGE = `  --public-key <pem>     with --data-dir: the key that verifies the log's tree heads
                         (npm run cli -- audit public-key saves it); or
  --tree-head-key <pem>  the signing key, to derive it from (default: env
                         TREE_HEAD_KEY_FILE, else <DATA_DIR>/tree-head-key.pem)`;

/** The public key a backup carries, from the options, TREE_HEAD_KEY_FILE or the embedded default key. */
export function offlinePublicKey(
  values: { 'public-key'?: string; 'tree-head-key'?: string },
  env: NodeJS.ProcessEnv,
  dataDir: string,
  command: string,
): KeyObject {
  if (values['public-key'] !== undefined) return readKey(values['public-key'], '--public-key', 'public', command);
  const signing = values['tree-head-key'] ?? env['TREE_HEAD_KEY_FILE'] ?? join(dataDir, 'tree-head-key.pem');
  if (!existsSync(signing))
    throw new UsageError(
      `No key to verify the log's tree heads: ${signing} does not exist. Pass --public-key or --tree-head-key.`,
      command,
    );
  return createPublicKey(readKey(signing, '--tree-head-key', 'private', command));
}

/** A PEM key file, public or private; a bad one is a usage error naming the option. */
export function readKey(file: string, option: string, kind: 'public' | 'private', command: string): KeyObject {
  try {
    const pem = readFileSync(file);
    const key = kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
    return key;
  } catch (error) {
    throw new UsageError(
      `${option} ${file} is not an Ed25519 ${kind} key in PEM: ${(error as Error).message}.`,
      command,
    );
  }
}
