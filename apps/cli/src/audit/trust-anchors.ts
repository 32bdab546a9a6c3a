import { ExportedTreeHead, keyIdOf, verifyTreeHead, type SignedTreeHead } from '@licensing/audit';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CliFailure } from '../cli-failure';
import { requireInputFile } from '../files';

/** The log's Ed25519 public key from a PEM file (SPKI, as `audit public-key` saves it). */
export function loadPublicKey(file: string): KeyObject {
  requireInputFile(file, '--public-key');
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(file));
  } catch {
    throw new CliFailure(
      `--public-key ${file} is not a PEM public key: save the log's key with npm run cli -- audit public-key --out ${file}.`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new CliFailure(
      `--public-key ${file} holds ${key.asymmetricKeyType ?? 'an unknown'} key; tree heads are signed with Ed25519: save the log's key with npm run cli -- audit public-key --out ${file}.`,
    );
  return key;
}

/** The five fields of a signed tree head, from the head itself or an answer that wraps it in `treeHead`. */
export function treeHeadIn(value: unknown): SignedTreeHead | null {
  const candidate = typeof value === 'object' && value !== null && 'treeHead' in value ? value.treeHead : value;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { treeSize, rootHash, timestamp, signature, keyId } = candidate as Record<string, unknown>;
  const parsed = ExportedTreeHead.safeParse({ treeSize, rootHash, timestamp, signature, keyId });
  return parsed.success ? parsed.data : null;
}

/** A tree head the auditor holds (`audit tree-head --out`); it must be signed by the key they trust. */
export function loadTrustedHead(file: string, publicKey: KeyObject): SignedTreeHead {
  requireInputFile(file, '--tree-head');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new CliFailure(
      `--tree-head ${file} is not JSON: save a tree head with npm run cli -- audit tree-head --out ${file}.`,
    );
  }
  const head = treeHeadIn(json);
  if (!head)
    throw new CliFailure(
      `--tree-head ${file} does not hold a signed tree head (treeSize, rootHash, timestamp, signature, keyId): save one with npm run cli -- audit tree-head --out ${file}.`,
    );
  const check = verifyTreeHead(head, publicKey);
  if (!check.ok)
    throw new CliFailure(
      `--tree-head ${file} does not verify with the key ${keyIdOf(publicKey).slice(0, 16)}… (${check.message}): give the head and the key of the same log.`,
    );
  return head;
}
