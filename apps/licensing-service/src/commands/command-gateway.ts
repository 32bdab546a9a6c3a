import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor, CommandMetadata } from '@licensing/domain';
import { ProjectionRunner } from '@licensing/projections';
import {
  CLOCK,
  type Clock,
  type CommandOutcome,
  CommandResponse,
  CORRELATION_HEADER,
  CORRELATION_ID,
  correlationIdOf,
  InvalidRequest,
  newId,
  noteCommand,
  NotFound,
  type RunOptions,
  uuidFromName,
} from '@licensing/workflow';
import type { Request } from 'express';
import type { CommandRoute } from './command-route';

// How long a command waits for the read models to show its events, so the
// client can read its own write at once; past it the answer still goes out.
const READ_YOUR_WRITES_MS = 2_000;
// A revision is a 64-bit number: at most 20 digits.
const IF_MATCH = /^(?:W\/)?"?(\d{1,20})"?$/;

/** What the gateway needs of a route: a route of the resource tables, or a command endpoint of its own (ops decisions on parked events). */
export type GatewayRoute = Pick<CommandRoute, 'action' | 'body' | 'newId' | 'toCommand'> & {
  readonly resource: string;
};

/**
 * Turns an HTTP request into a command on the bus: validates the body with
 * the route's schema, takes the command id from the Idempotency-Key, the
 * expected revision from If-Match, the correlation id from the edge
 * (X-Correlation-Id, else the trace id of traceparent, else a new one), and
 * answers with the stream revision as the ETag.
 */
@Injectable()
export class CommandGateway {
  private readonly logger = new Logger('Commands');

  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
  ) {}

  async run(route: GatewayRoute, request: Request, actor: Actor, pathId?: string): Promise<CommandResponse> {
    const body = route.body.parse(request.body ?? {});
    const metadata = this.metadata(request, actor);
    const id = pathId ?? route.newId?.(body, uuidFromName(`${route.resource}:${metadata.commandId}`)) ?? newId();
    const outcome: CommandOutcome = await this.bus.execute(
      route.toCommand({ id, body, metadata, options: ifMatch(request) }),
    );
    if (outcome.position !== null) await this.awaitReadModels(outcome.position);
    const status = route.action === null && !outcome.replayed ? 201 : 200;
    return new CommandResponse(status, etagOf(outcome), outcomeBody(id, outcome));
  }

  private metadata(request: Request, actor: Actor): CommandMetadata {
    const key = request.header('idempotency-key');
    const commandId = key === undefined ? newId() : `${actor.id}:${key}`;
    noteCommand(request, commandId);
    const given = request.header(CORRELATION_HEADER);
    if (given !== undefined && !CORRELATION_ID.test(given)) {
      throw new InvalidRequest(
        'request.invalid_correlation_id',
        'X-Correlation-Id must be 1 to 128 visible ASCII characters.',
      );
    }
    return {
      commandId,
      actor,
      occurredAt: this.clock.now(),
      correlationId: correlationIdOf(request),
      causationId: commandId,
    };
  }

  private async awaitReadModels(position: bigint): Promise<void> {
    try {
      await this.projections.waitFor(position, READ_YOUR_WRITES_MS);
    } catch (error) {
      this.logger.warn(
        `Answering before the read models caught up: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function ifMatch(request: Request): RunOptions {
  const header = request.header('if-match');
  if (header === undefined) return {};
  const match = IF_MATCH.exec(header.trim());
  if (!match?.[1]) {
    throw new InvalidRequest(
      'request.invalid_if_match',
      `If-Match must be the ETag of the resource as last read, e.g. "3"; got ${header}.`,
    );
  }
  return { expectedRevision: BigInt(match[1]) };
}

/** The response body, JSON-ready: revisions and positions as decimal strings (they are 64-bit). */
export function outcomeBody(id: string, outcome: CommandOutcome) {
  return {
    id,
    streamId: outcome.streamId,
    revision: outcome.revision?.toString() ?? null,
    position: outcome.position?.toString() ?? null,
    events: outcome.events.map((event) => ({ ...event, revision: event.revision.toString() })),
    replayed: outcome.replayed,
  };
}

/** A strong ETag of the stream revision; an empty stream (nothing appended) has none to offer. */
function etagOf(outcome: CommandOutcome): string {
  return outcome.revision === null ? '' : `"${outcome.revision}"`;
}

export function unknownAction(resource: string, action: string, routes: readonly CommandRoute[]): NotFound {
  const known = routes.filter((r) => r.action !== null).map((r) => r.action);
  return new NotFound(
    'request.unknown_action',
    `There is no action '${action}' on ${resource}; use one of: ${known.join(', ')}.`,
  );
}
