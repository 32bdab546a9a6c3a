import {
  DeadlinesDueQuery,
  ExpiringLicensesQuery,
  NearlyExhaustedQuery,
  QueuePage,
  WORK_QUEUES,
} from '../work-queues/work-queue-query';
import {
  answer,
  authorized,
  inOrder,
  type Json,
  type OpenApiSettings,
  queryParameters,
  refusals,
} from './openapi-parts';

const INVALID = [
  'A query parameter is invalid or unknown (`request.invalid`; `errors` names each).',
  'minPosition was not reached within 5 s (`request.position_not_reached`).',
  'The cursor is not a `nextCursor` of this queue (`request.invalid_cursor`).',
].join(' ');

const QUERIES = {
  'deadlines-due': DeadlinesDueQuery,
  'expiring-licenses': ExpiringLicensesQuery,
  'nearly-exhausted': NearlyExhaustedQuery,
} as const;

/**
 * GET /work-queues/{queue}, one path per queue: each is its own operation
 * of the permissions table, with its own parameters and answer. Any other
 * name is a 404 `work_queue.not_found`, like a path the service does not serve.
 */
export function workQueuePaths(settings: OpenApiSettings): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(WORK_QUEUES).map(([queue, spec]) => {
      const query = (QUERIES as Record<string, typeof QueuePage>)[queue] ?? QueuePage;
      const items = spec.kind === 'application' ? 'applications' : 'licenses';
      return [
        `/work-queues/${queue}`,
        {
          get: {
            summary: spec.summary,
            ...authorized(spec.operation, `Query \`${spec.operation}\`, in the reader's data scope.`),
            tags: ['work-queues'],
            parameters: queryParameters(query),
            responses: inOrder({
              '200': answer(
                `A page of the queue's ${items} as they stand on asOf, and the next page's cursor.`,
                spec.kind === 'application' ? 'ApplicationQueuePage' : 'LicenseQueuePage',
              ),
              ...refusals(settings, { guarded: true, takesBody: false, throttled: true, invalid: INVALID }),
            }),
          },
        },
      ];
    }),
  );
}
