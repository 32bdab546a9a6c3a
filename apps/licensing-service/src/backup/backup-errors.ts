import { ApplicationError } from '@licensing/workflow';

/** Refusals of POST /ops/backups: each a 409, the state of the service, not the request, being in the way. */
export class BackupConflict extends ApplicationError {
  readonly kind = 'conflict';

  static inProgress(name: string, startedAt: string): BackupConflict {
    return new BackupConflict(
      'backup.in_progress',
      `Backup ${name} has been running since ${startedAt}; wait for it (GET /ops/backups shows its progress) and ask again.`,
      { running: name },
    );
  }

  static exists(name: string): BackupConflict {
    return new BackupConflict('backup.exists', `A backup named ${name} already exists; name another one.`, { name });
  }

  static notEmbedded(): BackupConflict {
    return new BackupConflict(
      'backup.store_not_embedded',
      'This service stores events in EventStoreDB: back the cluster up with its own tools (README, "Backup and restore").',
    );
  }
}
