import type { DocumentContentStore, StoredDocument } from '@licensing/workflow';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** The media type stored beside the bytes (the bytes' file holds the bytes alone, so it hashes to its name). */
interface Sidecar {
  readonly mediaType: string;
  readonly size: number;
}

/**
 * Document bytes in a content-addressed directory tree:
 * `<root>/sha256/<first two hex digits>/<hash>` holds the bytes and
 * `<hash>.json` their media type and size. A write goes to a temporary file
 * in the same directory, is fsynced, then renamed into place (atomic on one
 * file system) and the directory fsynced, so a crash leaves either no
 * document or a whole one, never a torn file under a hash. Writing the same
 * bytes again finds them there and changes nothing.
 */
export class FileDocumentContentStore implements DocumentContentStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer, mediaType: string): Promise<StoredDocument & { readonly created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.stat(sha256);
    if (existing !== null) return { ...existing, created: false };
    const dir = this.dirOf(sha256);
    await mkdir(dir, { recursive: true });
    // The sidecar first: bytes under a hash are only ever visible with their media type beside them.
    const sidecar: Sidecar = { mediaType, size: bytes.length };
    await writeDurably(dir, `${sha256}.json`, Buffer.from(JSON.stringify(sidecar)));
    await writeDurably(dir, sha256, bytes);
    return { sha256, mediaType, size: bytes.length, created: true };
  }

  async stat(sha256: string): Promise<StoredDocument | null> {
    if (!SHA256.test(sha256)) return null;
    const path = join(this.dirOf(sha256), sha256);
    try {
      await stat(path);
      const sidecar = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Sidecar;
      return { sha256, mediaType: sidecar.mediaType, size: sidecar.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async read(sha256: string): Promise<{ readonly document: StoredDocument; readonly bytes: Buffer } | null> {
    const document = await this.stat(sha256);
    if (document === null) return null;
    return { document, bytes: await readFile(join(this.dirOf(sha256), sha256)) };
  }

  private dirOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2));
  }
}

async function writeDurably(dir: string, name: string, bytes: Buffer): Promise<void> {
  const temporary = join(dir, `.${name}.${randomUUID()}.tmp`);
  const file = await open(temporary, 'wx', 0o640);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, join(dir, name));
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
