import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ProjectionRunner } from '@licensing/projections';
import { ActorGuard, Authorize } from '@licensing/workflow';
import { DueEventScheduler } from '../scheduler/due-event-scheduler';

/** Operations: rebuild the read models from the event log, run the due-event scheduler now. */
@Controller('admin')
@UseGuards(ActorGuard)
export class AdminController {
  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DueEventScheduler) private readonly scheduler: DueEventScheduler,
  ) {}

  /** Drops every read model and replays the whole log into it; queries see the rebuilt state when this answers. */
  @Post('read-models/rebuild')
  @HttpCode(200)
  @Authorize('RebuildReadModels')
  async rebuild() {
    const started = process.hrtime.bigint();
    await this.projections.rebuild();
    const tookMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    return {
      rebuilt: this.projections.status().map((s) => ({ name: s.name, position: s.position?.toString() ?? null })),
      tookMs,
    };
  }

  @Post('scheduler/run')
  @HttpCode(200)
  @Authorize('RunScheduler')
  runScheduler() {
    return this.scheduler.runOnce();
  }
}
