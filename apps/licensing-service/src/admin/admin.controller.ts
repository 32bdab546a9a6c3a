import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { type Actor, DomainError } from '@licensing/domain';
import { ProjectionRunner } from '@licensing/projections';
import { ActorGuard, CurrentActor } from '@licensing/workflow';
import { DueEventScheduler } from '../scheduler/due-event-scheduler';

function requireSystem(actor: Actor, what: string): void {
  if (actor.role !== 'system') {
    throw new DomainError('admin.forbidden', `Only the system role may ${what}; send X-Actor-Role: system.`);
  }
}

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
  async rebuild(@CurrentActor() actor: Actor) {
    requireSystem(actor, 'rebuild read models');
    const started = process.hrtime.bigint();
    await this.projections.rebuild();
    const tookMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    return { rebuilt: this.projections.status().map((s) => ({ name: s.name, position: s.position?.toString() ?? null })), tookMs };
  }

  @Post('scheduler/run')
  @HttpCode(200)
  runScheduler(@CurrentActor() actor: Actor) {
    requireSystem(actor, 'run the scheduler');
    return this.scheduler.runOnce();
  }
}
