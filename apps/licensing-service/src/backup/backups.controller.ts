import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ActorGuard, Authorize, ZodBody } from '@licensing/workflow';
import { z } from 'zod';
import { BackupRunner } from './backup-runner';

/** A name, never a path: one directory under BACKUP_DIR. */
export const BackupRequest = z.strictObject({
  name: z
    .string()
    .max(64)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'a name of 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    )
    .optional()
    .describe('The backup directory under BACKUP_DIR; default `backup-<the time it started>`.'),
});
export type BackupRequest = z.infer<typeof BackupRequest>;

/** Backups of the embedded event store with its verifiable log, into BACKUP_DIR (README, "Backup and restore"). */
@Controller('ops/backups')
@UseGuards(ActorGuard)
export class BackupsController {
  constructor(@Inject(BackupRunner) private readonly backups: BackupRunner) {}

  /** Answers once the backup is whole, with its manifest; commands keep flowing meanwhile. */
  @Post()
  @HttpCode(201)
  @Authorize('CreateBackup')
  create(@Body(new ZodBody(BackupRequest)) request: BackupRequest) {
    return this.backups.create(request.name);
  }

  @Get()
  @Authorize('ListBackups')
  list() {
    return this.backups.list();
  }
}
