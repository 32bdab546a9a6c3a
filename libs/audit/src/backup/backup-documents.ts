import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BackupRefused } from './backup-manifest';

/** Where a backup keeps the documents' bytes, as the data directory does. */
export const DOCUMENTS_DIRECTORY = 'documents';

export interface DocumentsSummary {
  /** Files whose name is their own SHA-256 (the bytes of one document each). */
  readonly documents: number;
  readonly bytes: number;
}

const CONTENT_NAME = /^[0-9a-f]{64}$/;

/**
 * Copies the content-addressed documents (`DATA_DIR/documents`): files that
 * never change once written, so a plain copy is consistent. Called after the
 * store's copy, so every document an event in that copy names is there: a
 * document is stored before any command may name it. Files being written
 * (hidden temporaries) are left out.
 */
export function copyDocuments(source: string | undefined, destination: string): DocumentsSummary {
  let documents = 0;
  let bytes = 0;
  if (source === undefined || !existsSync(source)) return { documents, bytes };
  for (const file of filesUnder(source)) {
    const target = join(destination, relative(source, file));
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(file, target);
    if (CONTENT_NAME.test(file.split(/[\\/]/).at(-1) ?? '')) {
      documents += 1;
      bytes += statSync(target).size;
    }
  }
  return { documents, bytes };
}

/**
 * Holds a backup's documents to their names: each document's bytes must
 * hash to the SHA-256 it is filed under, and there must be as many as the
 * manifest says. Copies them into `work` (the directory being restored).
 */
export function verifyDocuments(from: string, work: string, expected: DocumentsSummary): void {
  const held = copyDocuments(join(from, DOCUMENTS_DIRECTORY), join(work, DOCUMENTS_DIRECTORY));
  for (const file of filesUnder(join(work, DOCUMENTS_DIRECTORY))) {
    const name = file.split(/[\\/]/).at(-1) ?? '';
    if (!CONTENT_NAME.test(name)) continue;
    const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (actual !== name)
      throw new BackupRefused(
        'backup.document_altered',
        `document ${name.slice(0, 16)}… does not hash to its name (its bytes hash to ${actual.slice(0, 16)}…): it was changed or damaged after it was stored.`,
      );
  }
  if (held.documents !== expected.documents || held.bytes !== expected.bytes)
    throw new BackupRefused(
      'backup.manifest_mismatch',
      `the manifest says the backup holds ${expected.documents} documents (${expected.bytes} bytes); ` +
        `${DOCUMENTS_DIRECTORY}/ holds ${held.documents} (${held.bytes} bytes): documents are missing or were added.`,
    );
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name));
}
