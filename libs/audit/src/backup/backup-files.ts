import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, closeSync, fsyncSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupFile } from './backup-manifest';

/** Size and SHA-256 of a file, read as a stream (a store can be gigabytes). */
export async function digestFile(path: string): Promise<Omit<BackupFile, 'name'>> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: statSync(path).size, sha256: hash.digest('hex') };
}

/** Flushes a file or a directory entry to disk: a rename is durable only once its directory is synced. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeDurably(path: string, content: string, mode = 0o644): void {
  writeFileSync(path, content, { mode, flag: 'wx' });
  syncPath(path);
}

/**
 * A sibling of `target` to build in before one rename puts it in place: the
 * same file system, so the rename is atomic, and a name that says what it is.
 */
export function siblingOf(target: string, purpose: string): string {
  return join(dirname(target), `.${basename(target)}.${purpose}-${randomUUID().slice(0, 8)}`);
}

export function isEmptyDirectory(path: string): boolean {
  return readdirSync(path).length === 0;
}
