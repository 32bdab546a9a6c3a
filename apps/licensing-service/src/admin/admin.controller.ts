import { Controller, HttpCode, Inject, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ProjectionRunner, type RebuildProgress } from '@licensing/projections';
import { ActorGuard, Authorize, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import type { z } from 'zod';
import { rebuildLocation, RebuildQuery, startRebuild } from '../rebuilds/rebuild-request';
import { DueEventScheduler } from '../scheduler/due-event-scheduler';

/** Operations: rebuild the read models from the event log, run the due-event scheduler now. */
@Controller('admin')
@UseGuards(ActorGuard)
export class AdminController {
  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DueEventScheduler) private readonly scheduler: DueEventScheduler,
  ) {}

  /**
   * Starts rebuilding one read model or all of them in shadow storage and
   * answers at once (202), with where to follow its progress; reads answer
   * from the live read models until each is swapped in.
   */
  @Post('read-models/rebuild')
  @HttpCode(202)
  @Authorize('RebuildReadModels')
  rebuild(
    @Query(new ZodBody(RebuildQuery)) query: z.infer<typeof RebuildQuery>,
    @Res({ passthrough: true }) response: Response,
  ): RebuildProgress {
    const started = startRebuild(this.projections.rebuilds, query.readModel);
    response.location(rebuildLocation(started.id));
    return started;
  }

  @Post('scheduler/run')
  @HttpCode(200)
  @Authorize('RunScheduler')
  runScheduler() {
    return this.scheduler.runOnce();
  }
}
