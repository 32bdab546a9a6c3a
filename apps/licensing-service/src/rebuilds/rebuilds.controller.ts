import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ProjectionRunner, type RebuildProgress } from '@licensing/projections';
import { ActorGuard, Authorize, NotFound } from '@licensing/workflow';

/** The progress of read-model rebuilds (started with POST /admin/read-models/rebuild): running and recent ones. */
@Controller('ops')
@UseGuards(ActorGuard)
export class RebuildsController {
  constructor(@Inject(ProjectionRunner) private readonly projections: ProjectionRunner) {}

  @Get('rebuilds')
  @Authorize('ListRebuilds')
  list(): { rebuilds: RebuildProgress[] } {
    return { rebuilds: this.projections.rebuilds.list() };
  }

  @Get('rebuilds/:id')
  @Authorize('ListRebuilds')
  one(@Param('id') id: string): RebuildProgress {
    const rebuild = this.projections.rebuilds.get(id);
    if (rebuild === null)
      throw new NotFound('ops.rebuild_not_found', `No rebuild has id ${id}; GET /ops/rebuilds lists the recent ones.`);
    return rebuild;
  }
}
