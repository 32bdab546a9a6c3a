import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { type Actor, PreCheckRequest } from '@licensing/domain';
import { ActorGuard, Authorize, CurrentActor, PreCheckExport, ZodBody } from '@licensing/workflow';

/**
 * `POST /pre-checks`: would this export need a license on this date, as
 * known then? The full decision record an approval would carry, stored
 * nowhere. POST for the size of the proposal, not for any effect: the same
 * body always gets the same answer for a fixed knownAt.
 */
@Controller('pre-checks')
@UseGuards(ActorGuard)
export class PreCheckController {
  constructor(@Inject(PreCheckExport) private readonly preCheck: PreCheckExport) {}

  @Post()
  @HttpCode(200)
  @Authorize('PreCheckExport')
  check(@Body(new ZodBody(PreCheckRequest)) request: PreCheckRequest, @CurrentActor() actor: Actor) {
    return this.preCheck.check(request, actor);
  }
}
