import { allowedRoles, IdInput, type Operation, permissions } from '@licensing/domain';
import { formatBytes } from '@licensing/workflow';
import { z } from 'zod';
import type { ServiceConfig } from '../config';
import type { ResponseSchemaName } from './response-schemas';

/**
 * The pieces the OpenAPI document is made of: request schemas from zod,
 * parameters, and the answers every operation shares (the HTTP edge's, the
 * bearer token's), each said only where the service can answer it.
 */
export type Json = Record<string, unknown>;

/** The settings the document depends on: what is served and what can be refused. */
export type OpenApiSettings = Pick<
  ServiceConfig,
  | 'AUTH_JWKS_URL'
  | 'AUTH_PUBLIC_KEY_FILE'
  | 'BODY_LIMIT'
  | 'DOCUMENT_MAX_BYTES'
  | 'RATE_LIMIT_PER_MINUTE'
  | 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE'
>;

/** What a request must look like: zod's input side, the schema that validates it. */
export function requestSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/**
 * A JSON request body validated by `schema`. A request without a body is
 * read as `{}`, so the body is required exactly when `{}` is not valid.
 */
export function jsonBody(schema: z.ZodType): Json {
  return {
    required: !schema.safeParse({}).success,
    content: { 'application/json': { schema: requestSchema(schema) } },
  };
}

/** Every operation but the public ones needs `Authorization: Bearer <jwt>` (the `bearer` scheme of the document). */
export const BEARER = [{ bearer: [] }];
/** Out of the actor's data scope reads exactly like not there, so nobody can probe for others' cases. */
export const OUT_OF_SCOPE =
  "or it is outside the actor's data scope (another exporter's, or a case not assigned to the reviewer)";
const lowerFirst = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

/**
 * Who may call it, from the permissions table: in words for people, as
 * `x-roles` for tools, and `x-data-scope`, per role, the data it reaches.
 */
export function authorized(operation: Operation, what: string): Json {
  const roles = allowedRoles(operation);
  return {
    operationId: lowerFirst(operation),
    description: `${what} Allowed roles: ${roles.join(', ')}.`,
    'x-operation': operation,
    'x-roles': [...roles],
    'x-data-scope': { ...permissions[operation] },
    security: BEARER,
  };
}

const ref = (name: ResponseSchemaName) => ({ $ref: `#/components/schemas/${name}` });
const withHeaders = (headers: Json) => (Object.keys(headers).length === 0 ? {} : { headers });

/** A JSON answer whose body is the named schema of `components.schemas`. */
export function answer(description: string, schema: ResponseSchemaName, headers: Json = {}): Json {
  return { description, ...withHeaders(headers), content: { 'application/json': { schema: ref(schema) } } };
}

/**
 * A streamed answer, `application/x-ndjson`: the schema is that of one line,
 * and the body is one such JSON object per line (each ending in a newline).
 */
export function lines(description: string, line: ResponseSchemaName, headers: Json = {}): Json {
  return {
    description: `${description} The body is NDJSON: one such object per line, each ending in a newline.`,
    ...withHeaders(headers),
    content: { 'application/x-ndjson': { schema: ref(line) } },
  };
}

export function problem(description: string, headers: Json = {}): Json {
  return {
    description,
    ...withHeaders(headers),
    content: { 'application/problem+json': { schema: ref('ProblemDetails') } },
  };
}

const header = (description: string, schema: Json) => ({ description, schema });
export const ETAG = (what: string) => ({ ETag: header(what, { type: 'string', pattern: '^"[0-9]{1,20}"$' }) });
export const REPLAYED = {
  'Idempotent-Replayed': header(
    'Present (`true`) when this is the remembered answer to an earlier request with the same Idempotency-Key.',
    { type: 'string', const: 'true' },
  ),
};
export const NO_STORE = {
  'Cache-Control': header('`no-store`: the answer is the log as it stands now.', { type: 'string', const: 'no-store' }),
};
export const CACHE_CONTROL = { 'Cache-Control': header('`public, max-age=300`.', { type: 'string' }) };

/** Path ids are parsed like the ids of command bodies (400 `request.invalid_path_parameter` naming it). */
export const pathId = (name: string) => ({ name, in: 'path', required: true, schema: requestSchema(IdInput) });

/** A zod query schema as query parameters, each with its limits, its description and whether it is required. */
export function queryParameters(schema: z.ZodObject): Json[] {
  const json = requestSchema(schema);
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(json['properties'] as Record<string, Json>).map(([name, property]) => {
    const { description, ...limits } = property;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: limits };
  });
}

/** The headers every command reads, as `components.parameters`. */
export const COMMAND_HEADERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Repeat a command safely: the same key with the same request answers the first result and stores nothing new, also after a restart; with another request it is a 422. Also names a new stream whose body names no id.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$', maxLength: 255 },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag (stream revision) last read, e.g. `"3"`; the command is refused with 409 if the stream has moved on.',
    schema: { type: 'string', pattern: '^(W/)?"?[0-9]{1,20}"?$' },
  },
  CorrelationId: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description:
      "Carried into the event metadata and the request's log line as the correlation id, and answered in the `X-Correlation-Id` response header; default the trace id of a W3C `traceparent` header, else one made for the request.",
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$', maxLength: 128 },
  },
};
export const commandHeaders = Object.keys(COMMAND_HEADERS).map((name) => ({ $ref: `#/components/parameters/${name}` }));

/** What a request can be refused with, besides what its handler decides. */
export interface Refusable {
  /** Behind the actor guard: a bearer token is needed (401, 403, and 503 when keys come from AUTH_JWKS_URL). */
  readonly guarded: boolean;
  /** The operation reads a JSON body (otherwise 413/415/400 only for a body sent anyway). */
  readonly takesBody: boolean;
  /** Health is never rate-limited. */
  readonly throttled: boolean;
  /** The 400 besides a body that is not JSON; undefined: nothing else is validated. */
  readonly invalid?: string;
}

const commandOutcome = (description: string) =>
  answer(description, 'CommandOutcome', { ...ETAG('The stream revision after the command.'), ...REPLAYED });
const STORED = 'Stored; the answer names the events. Repeated with its Idempotency-Key: the same answer again.';

/** What every command answers, whatever its type. */
const commandResponses = {
  CommandCreated: commandOutcome(`A new stream. ${STORED}`),
  CommandAlreadyApplied: commandOutcome(
    'The command had already been applied (`replayed: true`): nothing new was stored.',
  ),
  CommandStored: commandOutcome(`${STORED} Already applied: \`replayed: true\`, nothing new stored.`),
  CommandInvalid: problem(
    'A field of the body (`request.invalid`; `errors` names each field and rule; an unknown field is one), a header (`request.invalid_idempotency_key`, `request.invalid_if_match`, `request.invalid_correlation_id`) or the path id (`request.invalid_path_parameter`) is invalid, or the body is not valid JSON (`request.malformed_json`).',
  ),
  CommandForbidden: problem(
    'The role may not send this command (`<scope>.forbidden`, naming the roles allowed), the actor is not the person the case needs (e.g. `application.four_eyes`), or the token gives no usable actor (`auth.no_role`, `auth.ambiguous_role`, `auth.system_role`, `auth.no_exporters`).',
  ),
  CommandConflict: problem(
    'If-Match names a revision the stream has moved on from (`concurrency.revision_conflict`, with `currentRevision`), or the current state does not allow the command (`*.illegal_transition`).',
  ),
  CommandRefused: problem(
    'A business rule refuses the command (e.g. `license.quantity_exceeded`), or the Idempotency-Key was used for another request (`request.idempotency_key_reused`).',
  ),
};

/**
 * The refusals many operations share, as `components.responses`: the
 * document names only those some operation can answer (`sharedResponses`).
 */
function sharedResponseDefinitions(settings: OpenApiSettings): Record<string, Json> {
  return {
    Unauthenticated: problem(
      'No bearer token (`request.unauthenticated`), a malformed Authorization header (`auth.malformed_authorization`), or a token that does not verify (`auth.invalid_token`, `auth.token_expired`, `auth.token_not_yet_valid`, `auth.wrong_issuer`, `auth.wrong_audience`, `auth.unknown_key`).',
      {
        'WWW-Authenticate': header(
          '`Bearer realm="export-licensing"`, with `error="invalid_request"` or `error="invalid_token"` when a header or token was sent.',
          {
            type: 'string',
          },
        ),
      },
    ),
    Forbidden: problem(
      'The role may not perform this operation (`<scope>.forbidden`, naming the roles allowed), or the token gives no usable actor (`auth.no_role`, `auth.ambiguous_role`, `auth.system_role`, `auth.no_exporters`).',
    ),
    BodyTooLarge: problem(
      `A body larger than ${formatBytes(settings.BODY_LIMIT)} (BODY_LIMIT; \`request.body_too_large\`, with \`limitBytes\`).`,
    ),
    UnsupportedBody: problem(
      'A body that is not JSON (`request.unsupported_media_type`: send Content-Type: application/json), or in a Content-Encoding or charset that is not supported.',
    ),
    RateLimited: problem(
      'Over the rate limit, per user or per client address (`request.rate_limited`); nothing was done.',
      {
        'Retry-After': header('Seconds to wait before trying again.', { type: 'integer', minimum: 1 }),
      },
    ),
    KeysUnavailable: problem("The identity provider's keys (AUTH_JWKS_URL) could not be fetched to verify the token."),
    ...commandResponses,
  };
}
type SharedResponse = keyof ReturnType<typeof sharedResponseDefinitions>;
export const shared = (name: SharedResponse) => ({ $ref: `#/components/responses/${name}` });

/** `components.responses`: those the paths refer to. */
export function sharedResponses(settings: OpenApiSettings, paths: Json): Record<string, Json> {
  const used = JSON.stringify(paths);
  return Object.fromEntries(
    Object.entries(sharedResponseDefinitions(settings)).filter(([name]) =>
      used.includes(`"#/components/responses/${name}"`),
    ),
  );
}

/** The refusals of the HTTP edge and the actor guard for one operation. */
export function refusals(settings: OpenApiSettings, on: Refusable): Json {
  const malformed = on.takesBody
    ? 'The body is not valid JSON (`request.malformed_json`).'
    : 'A body was sent and it is not valid JSON (`request.malformed_json`); this operation takes none.';
  const rateLimited =
    on.throttled &&
    (settings.RATE_LIMIT_PER_ADDRESS_PER_MINUTE > 0 || (on.guarded && settings.RATE_LIMIT_PER_MINUTE > 0));
  return {
    '400': problem(on.invalid === undefined ? malformed : `${on.invalid} ${malformed}`),
    ...(on.guarded ? { '401': shared('Unauthenticated'), '403': shared('Forbidden') } : {}),
    '413': shared('BodyTooLarge'),
    '415': shared('UnsupportedBody'),
    ...(rateLimited ? { '429': shared('RateLimited') } : {}),
    ...(on.guarded && settings.AUTH_JWKS_URL !== undefined ? { '503': shared('KeysUnavailable') } : {}),
  };
}

/** Responses in status order, however they were put together. */
export function inOrder(responses: Json): Json {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
