import { formatBytes } from '@licensing/workflow';
import { DocumentQuery } from '../documents/documents.controller';
import {
  answer,
  authorized,
  inOrder,
  type Json,
  type OpenApiSettings,
  OUT_OF_SCOPE,
  pathId,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';

const header = (description: string, schema: Json) => ({ description, schema });

/**
 * `POST /documents` (raw bytes of any media type, not JSON) and
 * `GET /documents/{sha256}` (the bytes back, with their media type): written
 * by hand, since neither is a command of the route tables nor a JSON read.
 */
export function documentPaths(settings: OpenApiSettings): Record<string, Json> {
  const stored = (description: string) =>
    answer(description, 'StoredDocument', {
      Location: header('`/documents/{sha256}`: where the bytes can be read once a case names them.', {
        type: 'string',
      }),
    });
  return {
    '/documents': {
      post: {
        summary: 'Upload a document: its bytes, stored under their SHA-256 (name them by hash in a draft or a supply)',
        ...authorized(
          'UploadDocument',
          `Operation \`UploadDocument\`. The body is the document itself, any media type, up to ${formatBytes(settings.DOCUMENT_MAX_BYTES)} (DOCUMENT_MAX_BYTES; BODY_LIMIT does not apply); its Content-Type is recorded as the media type. Stored in a content-addressed file store: the same bytes are stored once, whoever sends them. Try it: \`curl --data-binary @certificate.pdf -H 'Content-Type: application/pdf' $BASE/documents $EXPORTER\`.`,
        ),
        tags: ['documents'],
        requestBody: {
          required: true,
          content: { '*/*': { schema: { description: 'The bytes of the document.' } } },
        },
        responses: inOrder({
          ...refusals(settings, { guarded: true, takesBody: true, throttled: true }),
          '201': stored('Stored: the hash names these bytes from now on.'),
          '200': stored(
            'These bytes were stored already (by anyone): nothing was written; the media type stays the one first uploaded.',
          ),
          '400': problem(
            'No usable Content-Type (`document.media_type_required`), or an empty body (`document.empty`).',
          ),
          '413': problem(
            `A document larger than ${formatBytes(settings.DOCUMENT_MAX_BYTES)} (DOCUMENT_MAX_BYTES; \`request.body_too_large\`, with \`limitBytes\`).`,
          ),
          '415': problem('A Content-Encoding that is not supported (`request.unsupported_content_encoding`).'),
        }),
      },
    },
    '/documents/{id}': {
      get: {
        summary: "A document's bytes by their SHA-256, for whoever may read an application that names them",
        ...authorized(
          'GetDocument',
          'Query `GetDocument`. The bytes as uploaded, with their media type; hash them to check they are the ones the case records (`Repr-Digest` carries the SHA-256 too).',
        ),
        tags: ['documents'],
        parameters: [
          { ...pathId('id'), description: 'The SHA-256 of the bytes, 64 lowercase hex digits.' },
          ...queryParameters(DocumentQuery),
        ],
        responses: inOrder({
          '200': {
            description: 'The bytes, with the media type they were uploaded with as Content-Type.',
            headers: {
              ETag: header('The SHA-256, quoted.', { type: 'string', pattern: '^"[0-9a-f]{64}"$' }),
              'Repr-Digest': header('`sha-256=:<base64 of the SHA-256>:` (RFC 9530).', { type: 'string' }),
              'Content-Disposition': header('`attachment`: never rendered by a browser.', { type: 'string' }),
            },
            content: { '*/*': { schema: { description: 'The bytes of the document.' } } },
          },
          ...refusals(settings, {
            guarded: true,
            takesBody: false,
            throttled: true,
            invalid:
              'The path id is invalid (`request.invalid_path_parameter`), a query parameter is invalid or unknown (`request.invalid`), or minPosition was not reached within 5 s (`request.position_not_reached`).',
          }),
          '404': problem(
            `No stored bytes have this hash, no application names them, ${OUT_OF_SCOPE} (\`document.not_found\`): the same answer either way.`,
          ),
        }),
      },
    },
  };
}
