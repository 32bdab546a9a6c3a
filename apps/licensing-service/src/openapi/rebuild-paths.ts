import { RebuildQuery } from '../rebuilds/rebuild-request';
import {
  answer,
  authorized,
  inOrder,
  type Json,
  type OpenApiSettings,
  pathId,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';

const LOCATION = {
  Location: {
    description: "Where the rebuild's progress is read: `/ops/rebuilds/{id}`.",
    schema: { type: 'string', pattern: '^/ops/rebuilds/[0-9]+$' },
  },
};

/**
 * Rebuilds without downtime: POST /admin/read-models/rebuild starts one
 * (202, at once), /ops/rebuilds follows it.
 */
export function rebuildPaths(settings: OpenApiSettings): Record<string, Json> {
  const refused = (invalid?: string) =>
    refusals(settings, { guarded: true, takesBody: false, throttled: true, invalid });
  return {
    '/admin/read-models/rebuild': {
      post: {
        summary: 'Rebuild one read model or all of them in shadow storage, swapped in when caught up',
        ...authorized('RebuildReadModels', 'Operation `RebuildReadModels`.'),
        tags: ['admin'],
        parameters: queryParameters(RebuildQuery),
        responses: inOrder({
          '202': answer(
            'Started: each read model is replayed from position 0 into a shadow while the live one keeps answering every read and following new events; once the shadow has caught up it is swapped in, in one transaction. Follow it at the Location. Stores no event.',
            'Rebuild',
            LOCATION,
          ),
          ...refused('readModel names no read model of the service (`request.invalid`; `errors` names it).'),
          '409': problem(
            'A rebuild of that read model (or of one of all) is running (`admin.rebuild_in_progress`, with its `rebuildId`): follow it at /ops/rebuilds/{rebuildId}.',
          ),
        }),
      },
    },
    '/ops/rebuilds': {
      get: {
        summary: 'Read-model rebuilds: running ones with their progress, recent ones as they ended',
        ...authorized('ListRebuilds', 'Query `ListRebuilds`.'),
        tags: ['ops'],
        responses: inOrder({
          '200': answer('Running and recent rebuilds, newest first.', 'RebuildList'),
          ...refused(),
        }),
      },
    },
    '/ops/rebuilds/{id}': {
      get: {
        summary: 'One rebuild: its progress (done and total events, rate, ETA) or how it ended',
        ...authorized('ListRebuilds', 'Query `ListRebuilds`.'),
        operationId: 'getRebuild',
        tags: ['ops'],
        parameters: [pathId('id')],
        responses: inOrder({
          '200': answer('The rebuild as it stands now.', 'Rebuild'),
          ...refused('The path id is invalid (`request.invalid_path_parameter`).'),
          '404': problem('No rebuild has this id (`ops.rebuild_not_found`); the last 50 are kept.'),
        }),
      },
    },
  };
}
