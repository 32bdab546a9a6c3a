import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type BackupManifest,
  type BackupPhase,
  readBackupManifest,
  VerifiableLog,
  writeBackup,
} from '@licensing/audit';
import { type EventStore, SqliteEventStore } from '@licensing/event-store';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { BackupConflict } from './backup-errors';

/** Where a running backup is: signing a head, then copying the log, then the store. */
export interface RunningBackup {
  readonly name: string;
  readonly startedAt: string;
  readonly phase: 'signing' | BackupPhase;
  readonly copiedPages: number;
  readonly totalPages: number;
}

export interface CreatedBackup {
  readonly name: string;
  readonly directory: string;
  readonly manifest: BackupManifest;
  readonly tookMs: number;
}

export interface BackupListing {
  readonly directory: string;
  readonly running: RunningBackup | null;
  /** Each backup's manifest, by name (not verified here: a restore verifies). */
  readonly backups: readonly { readonly name: string; readonly manifest: BackupManifest }[];
  readonly unreadable: readonly { readonly name: string; readonly problem: string }[];
}

/**
 * Backups of the embedded store, one at a time, into BACKUP_DIR. First a
 * tree head is signed over everything committed before the backup began,
 * so a restore proves none of it is missing; then the copies (writeBackup)
 * while commands keep flowing.
 */
@Injectable()
export class BackupRunner {
  private readonly logger = new Logger('Backup');
  private running: RunningBackup | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VerifiableLog) private readonly log: VerifiableLog,
  ) {}

  get directory(): string {
    return this.config.BACKUP_DIR ?? join(this.config.DATA_DIR, 'backups');
  }

  async create(requestedName: string | undefined): Promise<CreatedBackup> {
    const store = this.store;
    if (!(store instanceof SqliteEventStore)) throw BackupConflict.notEmbedded();
    if (this.running) throw BackupConflict.inProgress(this.running.name, this.running.startedAt);
    const started = new Date();
    const name = requestedName ?? `backup-${started.toISOString().replace(/[:.]/g, '-')}`;
    const directory = join(this.directory, name);
    if (existsSync(directory)) throw BackupConflict.exists(name);
    // Set before the first await: a second request in the meantime sees it.
    this.running = { name, startedAt: started.toISOString(), phase: 'signing', copiedPages: 0, totalPages: 0 };
    try {
      await this.log.signNow();
      const manifest = await writeBackup(
        {
          store,
          auditLogFile: join(this.config.DATA_DIR, 'audit-log.sqlite'),
          publicKey: this.log.keys.publicKey,
          documentsDirectory: join(this.config.DATA_DIR, 'documents'),
        },
        directory,
        {
          createdAt: started.toISOString(),
          pagesPerStep: this.config.BACKUP_PAGES_PER_STEP,
          onProgress: ({ phase, copiedPages, totalPages }) => {
            if (this.running) this.running = { ...this.running, phase, copiedPages, totalPages };
          },
        },
      );
      const tookMs = Date.now() - started.getTime();
      this.logger.log(`Backup ${name}: ${manifest.eventStore.events} events in ${directory} (${tookMs} ms)`);
      return { name, directory, manifest, tookMs };
    } finally {
      this.running = null;
    }
  }

  list(): BackupListing {
    const names = existsSync(this.directory)
      ? readdirSync(this.directory, { withFileTypes: true })
          // Hidden entries are backups still being written (or a crash's leftovers).
          .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
          .map((entry) => entry.name)
          .sort()
      : [];
    const backups: { name: string; manifest: BackupManifest }[] = [];
    const unreadable: { name: string; problem: string }[] = [];
    for (const name of names) {
      try {
        backups.push({ name, manifest: readBackupManifest(join(this.directory, name)) });
      } catch (error) {
        unreadable.push({ name, problem: (error as Error).message });
      }
    }
    return { directory: this.directory, running: this.running, backups, unreadable };
  }
}
