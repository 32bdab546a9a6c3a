import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { EVENT_PAGE_LIMITS, MAX_LOG_POSITION, readAllPage, readStreamPage, stateAt } from '@licensing/audit';
import { IdInput, Instant, type Operation, permissions } from '@licensing/domain';
import type { EventStore } from '@licensing/event-store';
import { ActorGuard, Authorize, NotFound, ZodBody } from '@licensing/workflow';
import { z } from 'zod';
import { EVENT_STORE } from '../infrastructure/tokens';

const Limit = z.coerce
  .number()
  .int()
  .min(EVENT_PAGE_LIMITS.min)
  .max(EVENT_PAGE_LIMITS.max)
  .default(EVENT_PAGE_LIMITS.default);
const Revision = z.coerce.number().int().min(0);
/** A `$all` position as the event log API takes it (the live tail's `from` and Last-Event-ID too). */
export const Position = z
  .string()
  .regex(/^\d{1,19}$/, 'a decimal $all position (a 64-bit number)')
  // Zod runs a refinement even after the pattern failed: BigInt() only what is digits.
  .refine((value) => !/^\d+$/.test(value) || BigInt(value) <= MAX_LOG_POSITION, `at most ${MAX_LOG_POSITION}`);

export const StreamEventsQuery = z.strictObject({
  direction: z
    .enum(['forwards', 'backwards'])
    .default('forwards')
    .describe('Oldest first (`forwards`, the default) or newest first (`backwards`).'),
  fromRevision: Revision.optional().describe(
    "The first revision of the page (inclusive); default the first event (forwards) or the last (backwards). The previous page's `nextRevision`.",
  ),
  limit: Limit.describe(`At most this many events (${EVENT_PAGE_LIMITS.min} to ${EVENT_PAGE_LIMITS.max}).`),
});

export const AllEventsQuery = z
  .strictObject({
    fromPosition: Position.optional().describe(
      "The `$all` position to start at (inclusive; default the beginning): the previous page's `nextPosition`.",
    ),
    limit: Limit.describe(`At most this many events (${EVENT_PAGE_LIMITS.min} to ${EVENT_PAGE_LIMITS.max}).`),
    streamPrefix: IdInput.optional().describe('Only streams whose id starts with this, e.g. `license-`.'),
    eventType: IdInput.optional().describe('Only events of this type, e.g. `LicenseSuspended`.'),
    recordedFrom: Instant.optional().describe('Only events recorded at or after this instant (UTC; inclusive).'),
    recordedTo: Instant.optional().describe('Only events recorded before this instant (UTC; exclusive).'),
  })
  .superRefine((query, context) => {
    if (query.recordedFrom !== undefined && query.recordedTo !== undefined)
      if (Date.parse(query.recordedTo) < Date.parse(query.recordedFrom))
        context.addIssue({ code: 'custom', path: ['recordedTo'], message: 'must not be before recordedFrom' });
  });

export const StateAtQuery = z
  .strictObject({
    revision: Revision.optional().describe('The state after the event at this revision of the stream.'),
    at: Instant.optional().describe(
      'The state as recorded by this instant (UTC): the events recorded at or before it. Give `revision` or `at`.',
    ),
  })
  .superRefine((query, context) => {
    if (query.revision !== undefined && query.at !== undefined)
      context.addIssue({ code: 'custom', path: ['at'], message: 'give revision or at, not both' });
    if (query.revision === undefined && query.at === undefined)
      context.addIssue({
        code: 'custom',
        path: ['revision'],
        message: 'give revision (a revision of the stream) or at (an instant)',
      });
  });

/**
 * The event log raw, for auditors and licensing officers: one stream's
 * events, `$all` filtered, and any aggregate's state at a revision or an
 * instant (libs/audit/src/event-log). Raw events carry every exporter's
 * data, so these operations have no data scope to apply: the constructor
 * refuses to start if the permissions table ever gives them a narrower one.
 */
@Controller('audit')
@UseGuards(ActorGuard)
export class EventLogController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    for (const operation of ['ReadEventLog', 'ReadAggregateAt'] as const satisfies readonly Operation[]) {
      const narrower = Object.entries(permissions[operation]).filter(([, scope]) => scope !== 'all');
      if (narrower.length > 0)
        throw new Error(
          `${operation} reads the raw log, which has no data scope; its roles must all have scope 'all'.`,
        );
    }
  }

  @Get('streams/:streamId/events')
  @Authorize('ReadEventLog')
  streamEvents(
    @Param('streamId') streamId: string,
    @Query(new ZodBody(StreamEventsQuery)) query: z.output<typeof StreamEventsQuery>,
  ) {
    return readStreamPage(this.store, streamId, query);
  }

  @Get('events')
  @Authorize('ReadEventLog')
  async events(@Query(new ZodBody(AllEventsQuery)) query: z.output<typeof AllEventsQuery>) {
    const { fromPosition, ...filter } = query;
    return readAllPage(this.store, {
      ...filter,
      ...(fromPosition === undefined ? {} : { fromPosition: BigInt(fromPosition) }),
    });
  }

  @Get('streams/:streamId/state')
  @Authorize('ReadAggregateAt')
  async state(
    @Param('streamId') streamId: string,
    @Query(new ZodBody(StateAtQuery)) query: z.output<typeof StateAtQuery>,
  ) {
    const point = query.at === undefined ? { revision: query.revision ?? 0 } : { at: query.at };
    const found = await stateAt(this.store, streamId, point);
    if (found === null)
      throw new NotFound(
        'audit.no_state',
        'at' in point
          ? `Nothing of ${streamId} was recorded by ${point.at}.`
          : `${streamId} has no event at revision ${point.revision}.`,
      );
    return found;
  }
}
