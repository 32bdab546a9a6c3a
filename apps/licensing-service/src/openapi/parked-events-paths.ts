import type { Operation } from '@licensing/domain';
import type { z } from 'zod';
import {
  ParkedEventsQuery,
  RetryParkedEventBody,
  SkipParkedEventBody,
} from '../parked-events/parked-events.controller';
import {
  answer,
  authorized,
  commandHeaders,
  ETAG,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  pathId,
  problem,
  queryParameters,
  refusals,
  REPLAYED,
  shared,
} from './openapi-parts';

/** A decision on one parked event: a command of its own endpoint, answered like every command. */
function decision(operation: Operation, summary: string, body: z.ZodObject, ok: string, settings: OpenApiSettings) {
  return {
    post: {
      summary,
      ...authorized(operation, `Command \`${operation}\`, recorded in \`ops-parked-event-{id}\`.`),
      tags: ['ops'],
      parameters: [...commandHeaders, pathId('id')],
      requestBody: jsonBody(body),
      responses: inOrder({
        '200': answer(ok, 'ParkedEventDecision', {
          ...ETAG('The revision of the decision stream: If-Match for the next decision.'),
          ...REPLAYED,
        }),
        ...refusals(settings, { guarded: true, takesBody: true, throttled: true }),
        '400': shared('CommandInvalid'),
        '403': shared('CommandForbidden'),
        '404': problem(
          'No consumer in this process parked an event with this id (`ops.parked_event_not_found`; GET /ops/parked-events lists them). Nothing was stored.',
        ),
        '409': problem(
          'If-Match names a revision the decision stream has moved on from (`concurrency.revision_conflict`), or the event is no longer parked: a retry applied it, or it was skipped (`parked_event.illegal_transition`). Nothing was stored.',
        ),
      }),
    },
  };
}

/** `/ops/parked-events`: the events the read models and the relay parked, and the decisions on one. */
export function parkedEventPaths(settings: OpenApiSettings): Record<string, Json> {
  return {
    '/ops/parked-events': {
      get: {
        summary: 'Events a read model or the relay could not process, parked so it could go on',
        ...authorized('ListParkedEvents', 'Query `ListParkedEvents`.'),
        tags: ['ops'],
        parameters: queryParameters(ParkedEventsQuery),
        responses: inOrder({
          '200': answer(
            'Every parked event with where it was parked, its position, error, attempts and state, oldest first.',
            'ParkedEventList',
          ),
          ...refusals(settings, {
            guarded: true,
            takesBody: false,
            throttled: true,
            invalid: 'A query parameter is invalid or unknown (`request.invalid`; `errors` names each).',
          }),
        }),
      },
    },
    '/ops/parked-events/{id}/retry': decision(
      'RetryParkedEvent',
      'Apply (a read model) or publish (the relay) a parked event again now, after a fix',
      RetryParkedEventBody,
      'Retried, and recorded with its outcome (`ParkedEventRetried`): applied, the event is `resolved`; failed again, it stays `parked` with the new error and one more attempt. Repeated with its Idempotency-Key: the same answer, nothing retried again.',
      settings,
    ),
    '/ops/parked-events/{id}/skip': decision(
      'SkipParkedEvent',
      'Give a parked event up for good (a reason is required)',
      SkipParkedEventBody,
      'Recorded (`ParkedEventSkipped`, with the reason), then `skipped`: never applied or published; a rebuild passes over it too.',
      settings,
    ),
  };
}
