import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ProjectionRunner } from '@licensing/projections';
import { Unthrottled } from '@licensing/workflow';

/**
 * Public on purpose (no actor, outside the permissions table): probes know no
 * user. Never rate-limited: a busy service must still answer its probes.
 */
@Controller('health')
@Unthrottled()
export class HealthController {
  constructor(@Inject(ProjectionRunner) private readonly projections: ProjectionRunner) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  /** Ready to serve: every read model has caught up with the event log. */
  @Get('ready')
  ready() {
    const readModels = this.projections.status().map((s) => ({ ...s, position: s.position?.toString() ?? null }));
    const ready = readModels.every((s) => s.caughtUp);
    if (!ready) throw new ServiceUnavailableException('Read models are still catching up with the event log.');
    return { status: 'ready', readModels };
  }
}
