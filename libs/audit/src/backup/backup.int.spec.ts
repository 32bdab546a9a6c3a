import { fixedMetadata } from '@licensing/event-store/testing';
import { openSqliteEventStore } from '@licensing/event-store';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTreeHeadKeys, type TreeHeadKeys } from '../merkle-log/signing-key';
import { MerkleLogStore } from '../merkle-log/merkle-log-store';
import { VerifiableLog } from '../merkle-log/verifiable-log';
import { keyIdOf } from '../tree-head';
import { verifyStore } from '../verification/verify-store';
import {
  flipByte,
  readManifestFile,
  resealManifest,
  tamperBackupStore,
  truncateToHalf,
  writeManifestFile,
} from '../testing';
import { BACKUP_FILES, BackupRefused, type BackupManifest } from './backup-manifest';
import { restoreBackup, RestoreRefused } from './restore-backup';
import { writeBackup } from './write-backup';

const STREAMS = 5;
const ROUNDS = 6;
/** Appended after the log stopped following: the backup's log lags its store by these. */
const UNRECORDED = 4;

/** Two documents' bytes as the service files them: `documents/sha256/<aa>/<hash>` and a media-type sidecar. */
const DOCUMENTS = [Buffer.from('%PDF-1.7 end-user certificate'), Buffer.from('contract scan')];
const documentPath = (dir: string, bytes: Buffer) => {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return join(dir, 'documents', 'sha256', sha256.slice(0, 2), sha256);
};
function fileDocuments(dir: string): void {
  for (const bytes of DOCUMENTS) {
    const path = documentPath(dir, bytes);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(`${path}.json`, JSON.stringify({ mediaType: 'application/pdf', size: bytes.length }));
    writeFileSync(path, bytes);
  }
  // A write in progress (the store's temporary name): never part of a backup.
  writeFileSync(join(documentPath(dir, DOCUMENTS[0]!), '..', '.partial.tmp'), 'half');
}

/** A stopped service's DATA_DIR: a store, its verifiable log (heads signed halfway and at the end) and the key. */
async function dataDirWithLog(dir: string): Promise<TreeHeadKeys> {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const keys = loadTreeHeadKeys({ defaultFile: join(dir, 'tree-head-key.pem') });
  const log = new VerifiableLog(store, tree, keys, { now: () => '2026-11-30T08:00:00.000Z', signEveryMs: 0 });
  await log.start();
  const append = (stream: number, revision: number) =>
    store.append(
      `case-${stream}`,
      [{ id: randomUUID(), type: 'Happened', version: 1, data: { stream, revision }, metadata: fixedMetadata() }],
      { expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1) },
    );
  for (let round = 0; round < ROUNDS; round++) {
    if (round === ROUNDS / 2) await log.signNow();
    for (let s = 0; s < STREAMS; s++) await append(s, round);
  }
  await log.signNow();
  await log.stop();
  for (let s = 0; s < UNRECORDED; s++) await append(s, ROUNDS);
  await store.close();
  tree.close();
  fileDocuments(dir);
  return keys;
}

describe('backup and restore of the store with its verifiable log', () => {
  let root: string;
  let keys: TreeHeadKeys;
  let backup: string;
  let manifest: BackupManifest;
  const EVENTS = STREAMS * ROUNDS + UNRECORDED;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'backup-'));
    keys = await dataDirWithLog(join(root, 'data'));
    const store = openSqliteEventStore({ filename: join(root, 'data', 'events.sqlite') });
    try {
      manifest = await writeBackup(
        {
          store,
          auditLogFile: join(root, 'data', 'audit-log.sqlite'),
          publicKey: keys.publicKey,
          documentsDirectory: join(root, 'data', 'documents'),
        },
        join(root, 'backups', 'first'),
        { createdAt: '2026-12-01T00:00:00.000Z', pagesPerStep: 1 },
      );
    } finally {
      await store.close();
    }
    backup = join(root, 'backups', 'first');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh copy of the good backup to damage. */
  const copyOfBackup = () => {
    const copy = join(root, `damaged-${randomUUID().slice(0, 8)}`);
    mkdirSync(copy);
    cpSync(backup, copy, { recursive: true });
    return copy;
  };
  const freshTarget = () => join(root, `restored-${randomUUID().slice(0, 8)}`);
  const leftovers = () => readdirSync(root).filter((name) => name.startsWith('.'));

  it('writes the manifest: counts and position from the copy, the newest signed head, each file with its SHA-256', () => {
    expect(readdirSync(backup).sort()).toEqual(
      ['audit-log.sqlite', 'documents', 'events.sqlite', 'manifest.json', 'tree-head-public-key.pem'].sort(),
    );
    expect(manifest).toMatchObject({
      format: 'licensing-backup',
      formatVersion: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      eventStore: { events: EVENTS, streams: STREAMS, lastPosition: String(EVENTS - 1) },
      verifiableLog: { leaves: STREAMS * ROUNDS, keyId: keyIdOf(keys.publicKey) },
      documents: { documents: 2, bytes: DOCUMENTS[0]!.length + DOCUMENTS[1]!.length },
    });
    expect(manifest.verifiableLog.treeHead).toMatchObject({ treeSize: STREAMS * ROUNDS });
    expect(manifest.files.map((file) => file.name).sort()).toEqual(
      ['audit-log.sqlite', 'events.sqlite', 'tree-head-public-key.pem'].sort(),
    );
    expect(readManifestFile(backup)).toEqual(manifest);
    expect(readdirSync(join(root, 'backups'))).toEqual(['first']);
  });

  it('restores into a new directory: verified, the log caught up, the signing key put in place', async () => {
    const target = freshTarget();
    const report = await restoreBackup(backup, target, { treeHeadKey: keys.privateKey });
    expect(report).toMatchObject({ restored: true, leavesAdded: UNRECORDED, treeHeadKeyInstalled: true });
    // The heads signed on start (empty), halfway and at the end.
    expect(report.verification).toMatchObject({ ok: true, checkedEvents: EVENTS, checkedTreeHeads: 3 });
    expect(readdirSync(target).sort()).toEqual(['audit-log.sqlite', 'documents', 'events.sqlite', 'tree-head-key.pem']);
    for (const bytes of DOCUMENTS) expect(readFileSync(documentPath(target, bytes))).toEqual(bytes);
    const store = openSqliteEventStore({ filename: join(target, 'events.sqlite') });
    const tree = MerkleLogStore.open(join(target, 'audit-log.sqlite'));
    try {
      expect(tree.size).toBe(EVENTS);
      expect((await verifyStore(store, tree, keys.publicKey)).ok).toBe(true);
    } finally {
      tree.close();
      await store.close();
    }
    expect(loadTreeHeadKeys({ defaultFile: join(target, 'tree-head-key.pem') }).publicKey.equals(keys.publicKey)).toBe(
      true,
    );
    expect(leftovers()).toEqual([]);
  });

  describe('refuses a damaged backup with what is wrong and where, and leaves the target untouched', () => {
    const cases: [string, (copy: string) => unknown, string, RegExp][] = [
      [
        'a byte flipped in events.sqlite',
        (copy) => flipByte(join(copy, BACKUP_FILES.eventStore)),
        'backup.checksum_mismatch',
        /^events\.sqlite does not match the manifest \(SHA-256 .*changed or damaged after the backup/,
      ],
      [
        'events.sqlite cut in half',
        (copy) => truncateToHalf(join(copy, BACKUP_FILES.eventStore)),
        'backup.checksum_mismatch',
        /^events\.sqlite does not match the manifest/,
      ],
      [
        'audit-log.sqlite cut in half, with checksums to match',
        async (copy) => {
          truncateToHalf(join(copy, BACKUP_FILES.verifiableLog));
          await resealManifest(copy);
        },
        'backup.database_damaged',
        /^audit-log\.sqlite is not a sound SQLite database/,
      ],
      [
        "a document's bytes changed",
        (copy) => flipByte(documentPath(copy, DOCUMENTS[1]!)),
        'backup.document_altered',
        /^document [0-9a-f]{16}… does not hash to its name/,
      ],
      [
        'a document gone',
        (copy) => rmSync(documentPath(copy, DOCUMENTS[0]!)),
        'backup.manifest_mismatch',
        /^the manifest says the backup holds 2 documents .* holds 1 /,
      ],
      [
        'the manifest gone',
        (copy) => rmSync(join(copy, BACKUP_FILES.manifest)),
        'backup.manifest_missing',
        /holds no readable manifest\.json \(ENOENT\): is it a backup directory\?$/,
      ],
      [
        'the manifest not JSON',
        (copy) => writeFileSync(join(copy, BACKUP_FILES.manifest), '{"format": "licensing-backup",'),
        'backup.manifest_unreadable',
        /^manifest\.json is not JSON/,
      ],
      [
        'the manifest edited: another event count',
        (copy) => writeManifestFile(copy, { ...manifest, eventStore: { ...manifest.eventStore, events: EVENTS + 1 } }),
        'backup.manifest_mismatch',
        new RegExp(
          `^the manifest says the store held ${EVENTS + 1} events .* holds ${EVENTS} up to position ${EVENTS - 1}`,
        ),
      ],
      [
        "the manifest edited: another file's checksum",
        (copy) =>
          writeManifestFile(copy, {
            ...manifest,
            files: manifest.files.map((f) => (f.name === 'audit-log.sqlite' ? { ...f, sha256: '0'.repeat(64) } : f)),
          }),
        'backup.checksum_mismatch',
        /^audit-log\.sqlite does not match the manifest/,
      ],
    ];
    it.each(cases)('%s', async (_name, damage, code, message) => {
      const copy = copyOfBackup();
      await damage(copy);
      const target = freshTarget();
      const refusal = await restoreBackup(copy, target).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(BackupRefused);
      expect(refusal).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(existsSync(target)).toBe(false);
      expect(leftovers()).toEqual([]);
    });

    it.each([
      ['payload', 'backup.content_altered'],
      ['delete', /^backup\.(chain_broken|leaf_mismatch)$/],
      ['truncate', 'backup.missing'],
    ] as const)(
      'an event row altered (%s) under resealed checksums: named by stream, revision and position',
      async (kind, code) => {
        const copy = copyOfBackup();
        const tampering = await tamperBackupStore(copy, kind);
        const target = join(root, `kept-${kind}`);
        mkdirSync(target);
        writeFileSync(join(target, 'events.sqlite'), 'the data already there');
        const refusal = await restoreBackup(copy, target, { force: true }).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(BackupRefused);
        expect((refusal as BackupRefused).code).toMatch(code);
        expect((refusal as BackupRefused).message).toMatch(
          new RegExp(
            `^events\\.sqlite does not verify against the verifiable log: .* at .*leaf ${tampering.firstBadLeaf}`,
          ),
        );
        if (kind === 'payload') {
          const [, stream, revision] = /data of (\S+)@(\d+) edited/.exec(tampering.description) ?? [];
          expect((refusal as BackupRefused).message).toContain(
            `stream ${stream}, revision ${revision}, position ${tampering.firstBadLeaf}`,
          );
        }
        expect(readdirSync(target)).toEqual(['events.sqlite']);
        expect(readFileSync(join(target, 'events.sqlite'), 'utf8')).toBe('the data already there');
        expect(leftovers()).toEqual([]);
      },
    );

    it('a public key the restorer does not trust', async () => {
      const other = generateKeyPairSync('ed25519').publicKey;
      const refusal = await restoreBackup(backup, freshTarget(), { trustedPublicKey: other }).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: 'backup.untrusted_key' });
    });
  });

  describe('the target', () => {
    it('is never overwritten without force; with force the old one is moved aside, not deleted', async () => {
      const target = join(root, 'in-use');
      mkdirSync(target);
      writeFileSync(join(target, 'events.sqlite'), 'old');
      await expect(restoreBackup(backup, target)).rejects.toMatchObject({
        constructor: RestoreRefused,
        code: 'restore.target_not_empty',
      });
      expect(readdirSync(target)).toEqual(['events.sqlite']);
      const report = await restoreBackup(backup, target, {
        force: true,
        now: () => new Date('2026-12-02T00:00:00Z'),
      });
      expect(report.replacedTo).toBe(`${target}.replaced-2026-12-02T00-00-00-000Z`);
      expect(readFileSync(join(report.replacedTo ?? '', 'events.sqlite'), 'utf8')).toBe('old');
      expect(readdirSync(target).sort()).toEqual(['audit-log.sqlite', 'documents', 'events.sqlite']);
    });

    it('is not touched by a dry run, which verifies all the same', async () => {
      const target = freshTarget();
      const report = await restoreBackup(backup, target, { dryRun: true });
      expect(report).toMatchObject({ restored: false, verification: { ok: true, checkedEvents: EVENTS } });
      expect(existsSync(target)).toBe(false);
      expect(leftovers()).toEqual([]);
    });

    it('refuses a signing key that did not sign the backup', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      await expect(restoreBackup(backup, freshTarget(), { treeHeadKey: privateKey })).rejects.toMatchObject({
        code: 'restore.wrong_tree_head_key',
      });
    });
  });
});
