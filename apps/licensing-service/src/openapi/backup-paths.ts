import { BackupRequest } from '../backup/backups.controller';
import {
  answer,
  authorized,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  problem,
  refusals,
} from './openapi-parts';

/** `/ops/backups`: take a backup of the embedded store (a body naming it, optional), and list them. */
export function backupPaths(settings: OpenApiSettings): Record<string, Json> {
  return {
    '/ops/backups': {
      get: {
        summary: 'The backups in BACKUP_DIR, and the one running with its progress',
        ...authorized('ListBackups', 'Query `ListBackups`.'),
        tags: ['ops'],
        responses: inOrder({
          '200': answer('Each backup with its manifest, and the one running now (null: none).', 'BackupListing'),
          ...refusals(settings, { guarded: true, takesBody: false, throttled: true }),
        }),
      },
      post: {
        summary: 'Back up the event store and its verifiable log online, while commands keep flowing',
        ...authorized('CreateBackup', 'Operation `CreateBackup`.'),
        tags: ['ops'],
        requestBody: jsonBody(BackupRequest),
        responses: inOrder({
          '201': answer(
            'The backup is whole in BACKUP_DIR/<name>: a tree head signed over every event committed when it began, then online copies (SQLite backup API) of the verifiable log and the store, the public key, and the manifest. It stores no event.',
            'CreatedBackup',
          ),
          ...refusals(settings, {
            guarded: true,
            takesBody: true,
            throttled: true,
            invalid: 'The name is not a plain directory name (`request.invalid`; `errors` names the field).',
          }),
          '409': problem(
            'A backup is running (`backup.in_progress`: GET /ops/backups shows it), one of this name exists (`backup.exists`), or the events are in EventStoreDB, which is backed up with its own tools (`backup.store_not_embedded`).',
          ),
        }),
      },
    },
  };
}
