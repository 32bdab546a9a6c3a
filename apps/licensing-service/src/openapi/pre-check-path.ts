import { PreCheckRequest } from '@licensing/domain';
import {
  answer,
  authorized,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  problem,
  refusals,
} from './openapi-parts';

/** `POST /pre-checks`: a body, no command headers (nothing is stored, so nothing to make idempotent). */
export function preCheckPaths(settings: OpenApiSettings): Record<string, Json> {
  return {
    '/pre-checks': {
      post: {
        summary: 'Would this export need a license on this date, as known then? (stores nothing)',
        ...authorized('PreCheckExport', 'Query `PreCheckExport`.'),
        tags: ['pre-checks'],
        requestBody: jsonBody(PreCheckRequest),
        responses: inOrder({
          '200': answer(
            'The decision record an approval would carry for this export, evaluated on validOn with the policy and the exporter as known at knownAt.',
            'PreCheckAnswer',
          ),
          ...refusals(settings, {
            guarded: true,
            takesBody: true,
            throttled: true,
            invalid:
              'The body is not a valid proposal (`request.invalid`; `errors` names each field), or knownAt is after now (`pre_check.known_at_in_future`).',
          }),
          '404': problem(
            'No exporter of this id was registered as known at knownAt (`exporter.not_found`), or it is not one the caller acts for: the same answer either way.',
          ),
        }),
      },
    },
  };
}
