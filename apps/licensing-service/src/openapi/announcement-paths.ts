import { AnnouncementsFilter, RecordAnnouncementBody } from '../announcements/announcements.controller';
import {
  answer,
  authorized,
  commandHeaders,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  pathId,
  problem,
  queryParameters,
  refusals,
  shared,
} from './openapi-parts';

const PATH_ID = 'The path id is invalid (`request.invalid_path_parameter`).';
const QUERY = 'A query parameter is invalid or unknown (`request.invalid`; `errors` names each).';

/** `/announcements`: record one with its acts (a command), list them, read one with how each act went. */
export function announcementPaths(settings: OpenApiSettings): Record<string, Json> {
  const read = { guarded: true, takesBody: false, throttled: true } as const;
  return {
    '/announcements': {
      post: {
        summary:
          'Record an announcement and every act it orders on measures; the service applies each act to its measure, exactly once',
        ...authorized(
          'RecordAnnouncement',
          'Command `RecordAnnouncement`, stored in `announcement-{announcementId}`. After the answer the process manager applies the acts in order, each as its measure command ordered by the announcement; GET /announcements/{id} shows each applied (with the measure event) or refused by its measure (with the reason).',
        ),
        tags: ['announcements'],
        parameters: commandHeaders,
        requestBody: jsonBody(RecordAnnouncementBody),
        responses: inOrder({
          '201': shared('CommandCreated'),
          '200': shared('CommandAlreadyApplied'),
          ...refusals(settings, { guarded: true, takesBody: true, throttled: true }),
          '400': shared('CommandInvalid'),
          '403': shared('CommandForbidden'),
          '409': problem(
            'An announcement of this id is recorded already (`announcement.illegal_transition`), or If-Match names a revision the stream does not have (`concurrency.revision_conflict`). Nothing was stored.',
          ),
          '422': problem(
            'The announcement orders no act (`announcement.no_acts`) or names two acts alike (`announcement.duplicate_act`), or the Idempotency-Key was used for another request (`request.idempotency_key_reused`). Nothing was stored.',
          ),
        }),
      },
      get: {
        summary: 'Every recorded announcement with its acts and how each went',
        ...authorized('ListAnnouncements', 'Query `ListAnnouncements`.'),
        tags: ['announcements'],
        parameters: queryParameters(AnnouncementsFilter),
        responses: inOrder({
          '200': answer('The announcements, newest publication first.', 'Announcements'),
          ...refusals(settings, { ...read, invalid: QUERY }),
        }),
      },
    },
    '/announcements/{id}': {
      get: {
        summary: 'One announcement: which of its acts are applied, refused or still pending',
        ...authorized('GetAnnouncement', 'Query `GetAnnouncement`.'),
        tags: ['announcements'],
        parameters: [pathId('id')],
        responses: inOrder({
          '200': answer('The announcement and each act with its state.', 'AnnouncementView'),
          ...refusals(settings, { ...read, invalid: PATH_ID }),
          '404': problem('No announcement of this id has been recorded (`announcement.not_found`).'),
        }),
      },
    },
  };
}
