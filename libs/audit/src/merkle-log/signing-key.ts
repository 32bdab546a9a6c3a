import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export interface TreeHeadKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * The Ed25519 key that signs tree heads. Production names a key file
 * (TREE_HEAD_KEY_FILE, PKCS#8 PEM) that must exist; the embedded default
 * keeps one in DATA_DIR, created on first start, readable by its owner only.
 */
export function loadTreeHeadKeys(options: { keyFile?: string; defaultFile: string }): TreeHeadKeys {
  const file = options.keyFile ?? options.defaultFile;
  if (!existsSync(file)) {
    if (options.keyFile) throw new SigningKeyError(`TREE_HEAD_KEY_FILE ${file} does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch (error) {
    throw new SigningKeyError(`${file} is not a PEM private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `${file} holds a ${privateKey.asymmetricKeyType} key; tree heads are signed with Ed25519`,
    );
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
