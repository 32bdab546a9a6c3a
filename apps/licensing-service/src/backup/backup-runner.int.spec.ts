import { Logger } from '@nestjs/common';
import { MerkleLogStore, type VerifiableLog } from '@licensing/audit';
import { type EventStore, openSqliteEventStore, type SqliteEventStore } from '@licensing/event-store';
import { proposed } from '@licensing/event-store/testing';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { BackupListing } from '../openapi/backup-schemas';
import { BackupRunner } from './backup-runner';

/** A log whose signing waits until the spec lets it go: the backup is held in its first phase. */
function heldLog() {
  let release: () => void = () => undefined;
  const signed = new Promise<void>((resolve) => (release = resolve));
  const log = { signNow: () => signed, keys: { publicKey: generateKeyPairSync('ed25519').publicKey } };
  return { log: log as unknown as VerifiableLog, release };
}

describe('BackupRunner', () => {
  let dataDir: string;
  let store: SqliteEventStore;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'backup-runner-'));
    store = openSqliteEventStore({ filename: join(dataDir, 'events.sqlite'), synchronous: 'NORMAL' });
    await store.append('case-1', [proposed(), proposed()], { expectedRevision: 'no_stream' });
    MerkleLogStore.open(join(dataDir, 'audit-log.sqlite')).close();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const config = () => loadConfig({ DATA_DIR: dataDir });

  it('runs one backup at a time, shows it while it runs, and lists the backups after', async () => {
    const { log, release } = heldLog();
    const runner = new BackupRunner(config(), store, log);
    const first = runner.create('nightly');
    expect(runner.list().running).toMatchObject({ name: 'nightly', phase: 'signing', copiedPages: 0 });
    expect(BackupListing.safeParse(runner.list()).success).toBe(true);
    await expect(runner.create('another')).rejects.toMatchObject({ code: 'backup.in_progress', kind: 'conflict' });

    release();
    const created = await first;
    expect(created).toMatchObject({ name: 'nightly', directory: join(dataDir, 'backups', 'nightly') });
    expect(created.manifest.eventStore).toEqual({ events: 2, streams: 1, lastPosition: '1' });

    mkdirSync(join(dataDir, 'backups', 'not-a-backup'));
    const listing = runner.list();
    expect(BackupListing.safeParse(listing).success).toBe(true);
    expect(listing).toMatchObject({
      directory: join(dataDir, 'backups'),
      running: null,
      backups: [{ name: 'nightly', manifest: created.manifest }],
      unreadable: [{ name: 'not-a-backup', problem: expect.stringContaining('holds no readable manifest.json') }],
    });
    await expect(runner.create('nightly')).rejects.toMatchObject({ code: 'backup.exists' });
  });

  it('writes into BACKUP_DIR when it is set, and names a backup by the time it began', async () => {
    const { log, release } = heldLog();
    release();
    const backupDir = join(dataDir, 'elsewhere');
    const runner = new BackupRunner(loadConfig({ DATA_DIR: dataDir, BACKUP_DIR: backupDir }), store, log);
    const created = await runner.create(undefined);
    expect(created.name).toMatch(/^backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    expect(created.directory).toBe(join(backupDir, created.name));
  });

  it('refuses with a pointer to EventStoreDB’s own tools when the events are not in the embedded store', async () => {
    const elsewhere = {} as EventStore;
    const runner = new BackupRunner(config(), elsewhere, heldLog().log);
    await expect(runner.create('x')).rejects.toMatchObject({ code: 'backup.store_not_embedded', kind: 'conflict' });
  });
});
