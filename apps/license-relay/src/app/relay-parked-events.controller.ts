import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { type Actor, type CommandMetadata, TextInput } from '@licensing/domain';
import {
  ActorGuard,
  Authorize,
  CLOCK,
  type Clock,
  type CommandOutcome,
  CommandRunner,
  correlationIdOf,
  CurrentActor,
  decideParkedEvent,
  InvalidRequest,
  newId,
  type ParkedEventAction,
  ZodBody,
} from '@licensing/workflow';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { RelayParkedEvents } from './relay-parked-events';

const ParkedEventsQuery = z.strictObject({ state: z.enum(['parked', 'resolved', 'skipped']).optional() });
const bodies = {
  retry: z.strictObject({ reason: TextInput.optional() }),
  skip: z.strictObject({ reason: TextInput }),
};
// A revision is a 64-bit number: at most 20 digits.
const IF_MATCH = /^(?:W\/)?"?(\d{1,20})"?$/;

/**
 * The events this relay dead-lettered, and ops' decisions on them, as the
 * service's /ops/parked-events: the same permissions rows, tokens and
 * audited command (`ops-parked-event-relay:<position>` in the store this
 * relay reads), so a decision here is in the same log as one there.
 */
@Controller('relay/parked-events')
@UseGuards(ActorGuard)
export class RelayParkedEventsController {
  constructor(
    @Inject(RelayParkedEvents) private readonly parked: RelayParkedEvents,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Authorize('ListParkedEvents')
  async list(@Query(new ZodBody(ParkedEventsQuery)) query: z.infer<typeof ParkedEventsQuery>) {
    return { parkedEvents: await this.parked.list(query.state) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authorize('RetryParkedEvent')
  retry(
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ) {
    return this.decide('retry', id, request, response, actor);
  }

  @Post(':id/skip')
  @HttpCode(200)
  @Authorize('SkipParkedEvent')
  skip(
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ) {
    return this.decide('skip', id, request, response, actor);
  }

  /** The command's outcome, with the parked event as it stands after the decision; the stream revision as ETag. */
  private async decide(action: ParkedEventAction, id: string, request: Request, response: Response, actor: Actor) {
    const { reason } = bodies[action].parse(request.body ?? {});
    const metadata = this.metadata(request, actor);
    const outcome = await decideParkedEvent(this.runner, this.parked, {
      parkedEventId: id,
      action,
      reason,
      metadata,
      options: ifMatch(request),
    });
    if (outcome.revision !== null) response.setHeader('ETag', `"${outcome.revision}"`);
    return { ...outcomeBody(id, outcome), parkedEvent: await this.parked.find(id) };
  }

  /** An Idempotency-Key names the command, so a repeated request is answered from the log, not decided twice. */
  private metadata(request: Request, actor: Actor): CommandMetadata {
    const key = request.header('idempotency-key');
    const commandId = key === undefined ? newId() : `${actor.id}:${key}`;
    const correlationId = correlationIdOf(request);
    return { commandId, actor, occurredAt: this.clock.now(), correlationId, causationId: commandId };
  }
}

function ifMatch(request: Request): { expectedRevision?: bigint } {
  const header = request.header('if-match');
  if (header === undefined) return {};
  const match = IF_MATCH.exec(header.trim());
  if (!match?.[1]) {
    throw new InvalidRequest(
      'request.invalid_if_match',
      `If-Match must be the ETag as last read, e.g. "3"; got ${header}.`,
    );
  }
  return { expectedRevision: BigInt(match[1]) };
}

/** Revisions and positions as decimal strings (64-bit), as the service answers a command. */
function outcomeBody(id: string, outcome: CommandOutcome) {
  return {
    id,
    streamId: outcome.streamId,
    revision: outcome.revision?.toString() ?? null,
    position: outcome.position?.toString() ?? null,
    events: outcome.events.map((event) => ({ ...event, revision: event.revision.toString() })),
    replayed: outcome.replayed,
  };
}
