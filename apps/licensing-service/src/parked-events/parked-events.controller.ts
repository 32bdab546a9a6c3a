import { Controller, Get, Inject, Param, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { type Actor, TextInput } from '@licensing/domain';
import {
  ActorGuard,
  Authorize,
  CurrentActor,
  IdempotencyInterceptor,
  CommandResponse,
  ZodBody,
} from '@licensing/workflow';
import type { Request } from 'express';
import { z } from 'zod';
import { CommandGateway, type GatewayRoute, type outcomeBody } from '../commands/command-gateway';
import { type ParkedEventAction, DecideParkedEvent } from './decide-parked-event';
import type { ParkedEventView } from './parked-event-view';
import { ParkedEvents } from './parked-events';

export const ParkedEventsQuery = z.strictObject({
  state: z
    .enum(['parked', 'resolved', 'skipped'])
    .optional()
    .describe(
      'Only those in this state: `parked` waits for ops, `resolved` was applied by a retry, `skipped` was given up.',
    ),
});
export const RetryParkedEventBody = z.strictObject({
  reason: TextInput.optional().describe('Why now, e.g. the fix that was deployed; recorded with the decision.'),
});
export const SkipParkedEventBody = z.strictObject({
  reason: TextInput.describe('Why it is given up for good; recorded with the decision.'),
});

function route(action: ParkedEventAction, body: z.ZodObject): GatewayRoute {
  return {
    resource: 'ops/parked-events',
    action,
    body,
    toCommand: ({ id, body: input, metadata, options }) =>
      new DecideParkedEvent(id, action, input['reason'] as string | undefined, metadata, options),
  };
}
const routes = { retry: route('retry', RetryParkedEventBody), skip: route('skip', SkipParkedEventBody) };

/** A decision's answer: the command's outcome, and the parked event as it stands after it (null only if it vanished meanwhile). */
export function decisionBody(outcome: ReturnType<typeof outcomeBody>, parkedEvent: ParkedEventView | null) {
  return { ...outcome, parkedEvent };
}

/**
 * Events a consumer (a read model, the relay) could not process and parked
 * so it could go on: ops list them, retry one after a fix, or skip one for
 * good. Retry and skip are commands: recorded in the event log with who
 * decided, answered like every command (ETag, Idempotency-Key, If-Match).
 */
@Controller('ops/parked-events')
@UseGuards(ActorGuard)
export class ParkedEventsController {
  constructor(
    @Inject(ParkedEvents) private readonly parked: ParkedEvents,
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
  ) {}

  @Get()
  @Authorize('ListParkedEvents')
  async list(@Query(new ZodBody(ParkedEventsQuery)) query: z.infer<typeof ParkedEventsQuery>) {
    return { parkedEvents: await this.parked.list(query.state) };
  }

  @Post(':id/retry')
  @Authorize('RetryParkedEvent')
  @UseInterceptors(IdempotencyInterceptor)
  retry(@Param('id') id: string, @Req() request: Request, @CurrentActor() actor: Actor) {
    return this.decide('retry', id, request, actor);
  }

  @Post(':id/skip')
  @Authorize('SkipParkedEvent')
  @UseInterceptors(IdempotencyInterceptor)
  skip(@Param('id') id: string, @Req() request: Request, @CurrentActor() actor: Actor) {
    return this.decide('skip', id, request, actor);
  }

  /** The command's answer, with the parked event as it stands after the decision. */
  private async decide(action: ParkedEventAction, id: string, request: Request, actor: Actor) {
    const answer = await this.gateway.run(routes[action], request, actor, id);
    // The gateway's body is always the command outcome (outcomeBody).
    const outcome = answer.body as ReturnType<typeof outcomeBody>;
    return new CommandResponse(answer.status, answer.etag, decisionBody(outcome, await this.parked.find(id)));
  }
}
