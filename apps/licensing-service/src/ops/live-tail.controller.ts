import { Controller, Get, Headers, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { permissions } from '@licensing/domain';
import { ActorGuard, Authorize, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { LiveTailQuery, tailFilter, tailStart } from './live-tail-request';
import { LiveTails } from './live-tails';
import { SseStream } from './sse-stream';

/**
 * The live tail: `$all` as Server-Sent Events, raw, from a position or from
 * now, then live (docs/architecture.md, "The live tail"). Raw events carry
 * every exporter's data, as in the event log API, so no data scope could
 * apply: the constructor refuses to start if the permissions table ever
 * gives TailEventLog a narrower one.
 */
@Controller('ops')
@UseGuards(ActorGuard)
export class LiveTailController {
  constructor(@Inject(LiveTails) private readonly tails: LiveTails) {
    if (Object.values(permissions.TailEventLog).some((scope) => scope !== 'all'))
      throw new Error(
        "TailEventLog streams the raw log, which has no data scope; its roles must all have scope 'all'.",
      );
  }

  @Get('events/live')
  @Authorize('TailEventLog')
  async live(
    @Query(new ZodBody(LiveTailQuery)) query: LiveTailQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const start = tailStart(query.from, lastEventId);
    const filter = tailFilter(query);
    await this.tails.serve({ start, ...(filter ? { filter } : {}) }, new SseStream(response));
  }
}
