import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDocumentContentStore } from './file-document-content-store';

describe('the content-addressed document store', () => {
  const root = mkdtempSync(join(tmpdir(), 'documents-'));
  const store = new FileDocumentContentStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256, two hex digits deep, and answers them with their media type', async () => {
    const bytes = Buffer.from('%PDF-1.7 end-user certificate');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = await store.put(bytes, 'application/pdf');
    expect(stored).toEqual({ sha256, mediaType: 'application/pdf', size: bytes.length, created: true });
    const path = join(root, 'sha256', sha256.slice(0, 2), sha256);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha256);
    expect(await store.read(sha256)).toEqual({
      document: { sha256, mediaType: 'application/pdf', size: bytes.length },
      bytes,
    });
  });

  it('is idempotent for the same bytes: the first media type stays, nothing is written again, no temp file left', async () => {
    const bytes = Buffer.from('same bytes twice');
    const first = await store.put(bytes, 'text/plain');
    const again = await store.put(bytes, 'application/octet-stream');
    expect(again).toEqual({ ...first, created: false });
    const dir = join(root, 'sha256', first.sha256.slice(0, 2));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('knows nothing under a hash it never stored, nor under a name that is not a hash', async () => {
    expect(await store.stat('0'.repeat(64))).toBeNull();
    expect(await store.read('../../etc/passwd')).toBeNull();
  });
});
