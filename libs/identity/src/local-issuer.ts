import { PersonRole } from '@licensing/domain';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from 'jose';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type ClaimNames, DEFAULT_CLAIMS } from './claims';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER_ID } from './identity-settings';

/** The private key of the embedded issuer, in DATA_DIR (mode 0600). */
export const LOCAL_ISSUER_KEY_FILE = 'local-issuer-key.json';
const ALG = 'EdDSA';
const DEFAULT_TTL_SECONDS = 8 * 60 * 60;

interface StoredKey {
  readonly kid: string;
  readonly privateJwk: JWK;
}

/**
 * The embedded issuer's public keys, creating its Ed25519 key pair in
 * `dataDir` on first use. Lets `npm start` and the token CLI work with no
 * identity provider; a deployment with one never calls this.
 */
export async function ensureLocalIssuer(dataDir: string): Promise<JSONWebKeySet> {
  const { kid, privateJwk } = await storedKey(dataDir);
  const { kty, crv, x } = privateJwk;
  return { keys: [{ kty, crv, x, kid, alg: ALG, use: 'sig' }] };
}

export interface LocalTokenRequest {
  readonly sub: string;
  readonly role: PersonRole;
  /** Required for the exporter role: the exporters the user acts for. */
  readonly exporterIds?: readonly string[];
  /** Default 8 hours. */
  readonly ttlSeconds?: number;
  /** Defaults: the local issuer's id and `export-licensing`, as the service expects unless configured otherwise. */
  readonly issuer?: string;
  readonly audience?: string;
  /** Claim names, if the service maps them differently (AUTH_*_CLAIM). */
  readonly claims?: Partial<ClaimNames>;
  /** Signing time; tests move it to make tokens that are expired or not yet valid. */
  readonly now?: Date;
}

/** A token from the local issuer for one person in one role, as an identity provider would issue it. */
export async function mintLocalToken(dataDir: string, request: LocalTokenRequest): Promise<string> {
  const role = PersonRole.safeParse(request.role);
  if (!role.success) {
    throw new RangeError(`No token can carry the role '${request.role}'; use one of ${PersonRole.options.join(', ')}.`);
  }
  if (request.sub.trim() === '') throw new RangeError('A token needs a subject (the user id).');
  const exporterIds = request.exporterIds ?? [];
  if (role.data === 'exporter' && exporterIds.length === 0) {
    throw new RangeError('An exporter token needs the exporters the user acts for.');
  }
  const ttl = request.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError('The lifetime must be a positive number of seconds.');
  const claims = { ...DEFAULT_CLAIMS, ...request.claims };
  const now = Math.floor((request.now ?? new Date()).getTime() / 1000);
  // Claims are written under their full names: claimAt reads a whole name before a dotted path.
  return signLocalToken(
    dataDir,
    {
      iss: request.issuer ?? LOCAL_ISSUER_ID,
      aud: request.audience ?? DEFAULT_AUDIENCE,
      sub: request.sub,
      [claims.subject]: request.sub,
      [claims.roles]: [role.data],
      ...(exporterIds.length > 0 ? { [claims.exporters]: [...exporterIds] } : {}),
      iat: now,
      nbf: now,
      exp: now + ttl,
      jti: randomUUID(),
    },
    { kid: true },
  );
}

/**
 * Signs exactly the claims given with the local issuer's key, checking
 * nothing. Specs use it to present what the verifier must refuse (a token
 * claiming `system`, without `exp`, without a `kid`); everything else mints
 * with mintLocalToken.
 */
export async function signLocalToken(
  dataDir: string,
  payload: Record<string, unknown>,
  options: { kid?: boolean } = { kid: true },
): Promise<string> {
  const { kid, privateJwk } = await storedKey(dataDir);
  const key = await importJWK(privateJwk, ALG);
  const header = { alg: ALG, typ: 'JWT', ...(options.kid === false ? {} : { kid }) };
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

/** The stored key, created first if there is none. */
async function storedKey(dataDir: string): Promise<StoredKey> {
  const file = join(dataDir, LOCAL_ISSUER_KEY_FILE);
  const existing = readKey(file);
  if (existing !== null) return existing;
  const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  writeOnce(dataDir, file, `${JSON.stringify({ kid, privateJwk: { ...privateJwk, kid, alg: ALG } }, null, 2)}\n`);
  // Whoever wrote first won (see writeOnce): use the key that is there now.
  const written = readKey(file);
  if (written === null) throw new Error(`${file} vanished while it was being created; try again.`);
  return written;
}

function readKey(file: string): StoredKey | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const stored = parseKey(text);
  if (stored === null) {
    throw new Error(
      `${file} is not a key this service wrote. Move it away to create a new one (tokens signed with the old key stop verifying).`,
    );
  }
  return stored;
}

/** What the key file holds: the private JWK (with its public part `x`) and the kid tokens name. */
const KeyFile = z.object({
  kid: z.string().min(1),
  privateJwk: z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() }),
});

function parseKey(text: string): StoredKey | null {
  try {
    const parsed = KeyFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Writes a new file so that nobody ever reads half of it: the bytes go to a
 * temporary file (0600, flushed to disk), which then takes the real name in
 * one step. A hard link rather than a rename, because a link refuses to
 * replace an existing file: if the service and the token CLI create the key
 * at the same moment, the first one wins and both then use it. Where the
 * file system has no hard links, a rename (last one wins) does the same job.
 */
function writeOnce(dataDir: string, file: string, content: string): void {
  mkdirSync(dataDir, { recursive: true });
  const temporary = join(dataDir, `.${LOCAL_ISSUER_KEY_FILE}.${process.pid}.${randomUUID()}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncDirectory(dataDir);
}

/** The new name survives a power cut only once the directory is on disk too (best effort: not every platform can). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the rename or link still happened.
  }
}
