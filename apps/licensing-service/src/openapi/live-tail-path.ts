import { LiveTailQuery } from '../ops/live-tail-request';
import {
  authorized,
  inOrder,
  type Json,
  NO_STORE,
  type OpenApiSettings,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';
import type { ResponseSchemaName } from './response-schemas';

const MESSAGE: ResponseSchemaName = 'LiveTailMessage';

const LAST_EVENT_ID = {
  name: 'Last-Event-ID',
  in: 'header',
  required: false,
  description:
    'The id of the last event received (an EventSource sends it when it reconnects): the tail starts just after it, whatever `from` says.',
  schema: { type: 'string', pattern: '^\\d{1,19}$' },
};

const STREAM = `Server-Sent Events, one message per event, as stored (never upcast), in \`$all\` order: \`id: <position>\`, \`event: recorded\`, \`data: <the envelope as GET /audit/events shows it>\`. First the events from the start asked for (caught up at the client's pace), then each new event as it is committed. A \`: heartbeat\` comment every LIVE_TAIL_HEARTBEAT_MS keeps proxies from closing a quiet stream. A client that falls LIVE_TAIL_BUFFER_EVENTS events behind gets a last \`event: fell-behind\` with \`{"resumeFrom": "<position>"}\` and is closed: reconnect with that position as Last-Event-ID. The schema is that of one message, its \`data\` parsed.`;

/** `GET /ops/events/live`: the live tail, `text/event-stream`. */
export function liveTailPaths(settings: OpenApiSettings): Record<string, Json> {
  const jwks = settings.AUTH_JWKS_URL === undefined ? '' : " Or the identity provider's keys could not be fetched.";
  return {
    '/ops/events/live': {
      get: {
        summary: 'Follow the event log live: from a position, then every new event (Server-Sent Events)',
        ...authorized(
          'TailEventLog',
          'Stream `TailEventLog`. Raw events carry every exporter\'s data, so only roles that see all of it may follow them. Try it: `curl -N -H "Authorization: Bearer $TOKEN" "$BASE/ops/events/live?from=0"`.',
        ),
        tags: ['ops'],
        parameters: [...queryParameters(LiveTailQuery), LAST_EVENT_ID],
        responses: inOrder({
          '200': {
            description: STREAM,
            headers: NO_STORE,
            content: { 'text/event-stream': { schema: { $ref: `#/components/schemas/${MESSAGE}` } } },
          },
          ...refusals(settings, {
            guarded: true,
            takesBody: false,
            throttled: true,
            invalid:
              'A query parameter is invalid or unknown (`request.invalid`; `errors` names each: a position that is not a decimal number, a category with a `-`, an empty filter), or Last-Event-ID is not a position (`request.invalid_last_event_id`).',
          }),
          '503': problem(
            `LIVE_TAIL_MAX_CONNECTIONS tails are open already (\`ops.too_many_live_tails\`, with \`limit\`), or the service is shutting down (\`ops.shutting_down\`): try again later.${jwks}`,
          ),
        }),
      },
    },
  };
}
