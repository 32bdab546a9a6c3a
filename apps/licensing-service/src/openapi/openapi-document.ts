import { allowedRoles, IdInput, type Operation, permissions } from '@licensing/domain';
import { z } from 'zod';
import type { CommandRoute } from '../commands/command-route';
import { commandRoutes } from '../commands/command-routes';
import { ApplicationList, LicenseList } from '../queries/license-state.controller';
import { ReadQuery } from '../queries/read-query';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});
const header = (name: string, description: string, required = false) => ({
  name,
  in: 'header',
  required,
  description,
  schema: { type: 'string' },
});

/** Every operation but the public ones needs `Authorization: Bearer <jwt>` (the `bearer` scheme below). */
const BEARER = [{ bearer: [] }];
const commandParameters = [
  header(
    'Idempotency-Key',
    'Repeat a command safely: the same key returns the first result and stores nothing new, also after a restart.',
  ),
  header(
    'If-Match',
    'The ETag (stream revision) the client last read; the command is refused with 409 if the stream has moved on.',
  ),
  header('X-Correlation-Id', 'Carried into the event metadata as the correlation id.'),
];

/**
 * Who may call it, from the permissions table: in words for people, as
 * `x-roles` for tools, and `x-data-scope`, per role, the data it reaches.
 */
function authorized(operation: Operation, what: string): JsonSchema {
  const roles = allowedRoles(operation);
  return {
    description: `${what} Allowed roles: ${roles.join(', ')}.`,
    'x-operation': operation,
    'x-roles': [...roles],
    'x-data-scope': { ...permissions[operation] },
  };
}

const refusals = {
  '401': problem(
    'No bearer token, or one that does not verify (`auth.invalid_token`, `auth.token_expired`, `auth.wrong_issuer`, `auth.wrong_audience`, `auth.unknown_key`); answered with `WWW-Authenticate: Bearer`.',
  ),
  '403': problem(
    'The role may not perform this operation (see x-roles), the actor is not the one the case needs, or the token carries no usable role (`auth.no_role`, `auth.ambiguous_role`, `auth.system_role`, `auth.no_exporters`).',
  ),
};
/** Out of the actor's data scope reads exactly like not there, so nobody can probe for others' cases. */
const OUT_OF_SCOPE = "or outside the actor's data scope (another exporter's, or a case not assigned to the reviewer)";

/** Path ids are validated like the ids of command bodies (400 naming the parameter). */
const pathId = { name: 'id', in: 'path', required: true, schema: jsonSchema(IdInput) };
/** What the HTTP edge answers before any handler runs. */
const rateLimited = {
  '429': {
    ...problem('Over the rate limit, per user or per client address; nothing was done.'),
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } },
  },
};
const bodyRefusals = {
  '413': problem('The body is larger than the service accepts (BODY_LIMIT, 1 MB by default).'),
  '415': problem('The body is not JSON (Content-Type: application/json), or its encoding or charset is not supported.'),
};

function commandOperation(route: CommandRoute): JsonSchema {
  const ok = route.action === null ? '201' : '200';
  return {
    operationId: `${route.commandType[0]?.toLowerCase()}${route.commandType.slice(1)}`,
    summary: route.summary,
    ...authorized(route.commandType, `Command \`${route.commandType}\`.`),
    tags: [route.resource],
    security: BEARER,
    parameters: [...commandParameters, ...(route.action === null ? [] : [pathId])],
    requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } },
    responses: {
      [ok]: {
        description: 'Stored (or, for a repeated Idempotency-Key, the first result again). ETag: the stream revision.',
        headers: { ETag: { schema: { type: 'string' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandOutcome' } } },
      },
      '400': problem(
        'The body is not valid JSON (`request.malformed_json`), or the body, a header or the path id is invalid; `errors` names each field and rule.',
      ),
      ...refusals,
      '404': problem(`Unknown action, or the resource does not exist ${OUT_OF_SCOPE}.`),
      '409': problem('If-Match revision is stale, or the command is not allowed in the current state.'),
      '422': problem('A business rule refuses the command.'),
      ...bodyRefusals,
      ...rateLimited,
    },
  };
}

function query(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(jsonSchema(schema)['properties'] as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

function read(
  operation: Operation,
  summary: string,
  tag: string,
  parameters: JsonSchema[],
  withPathId = false,
): JsonSchema {
  return {
    get: {
      summary,
      ...authorized(operation, `Query \`${operation}\`.`),
      tags: [tag],
      security: BEARER,
      parameters: [...(withPathId ? [pathId] : []), ...parameters],
      responses: {
        '200': { description: 'The read model answer (JSON).' },
        '400': problem('Invalid query.'),
        ...refusals,
        '404': problem(`Not found, ${OUT_OF_SCOPE}.`),
        ...rateLimited,
      },
    },
  };
}

function admin(operation: Operation, summary: string): JsonSchema {
  return {
    post: {
      summary,
      ...authorized(operation, `Operation \`${operation}\`.`),
      tags: ['admin'],
      security: BEARER,
      responses: {
        '200': { description: 'Done; the answer reports what was done (JSON).' },
        ...refusals,
        ...rateLimited,
      },
    },
  };
}

/** Outside the permissions table on purpose: probes call these and know no user. */
function publicRead(summary: string, tag: string): JsonSchema {
  return {
    get: {
      summary,
      description: 'Public: no token needed.',
      tags: [tag],
      security: [],
      responses: { '200': { description: 'JSON.' } },
    },
  };
}

/** Public too, for whoever verifies the local issuer's tokens; rate-limited per address like everything but health. */
function wellKnown(summary: string): JsonSchema {
  return {
    get: {
      summary: `${summary} (served only when the service is its own issuer)`,
      description: 'Public: no token needed.',
      tags: ['identity'],
      security: [],
      responses: { '200': { description: 'JSON.' }, ...rateLimited },
    },
  };
}

/** The service's OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const routes of Object.values(commandRoutes)) {
    for (const route of routes) {
      const path = route.action === null ? `/${route.resource}` : `/${route.resource}/{id}/${route.action}`;
      paths[path] = { ...(paths[path] ?? {}), post: commandOperation(route) };
    }
  }
  const readQuery = query(ReadQuery);
  Object.assign(paths, {
    '/applications': {
      ...paths['/applications'],
      ...read(
        'ListApplications',
        'Applications on a date, by exporter and status',
        'applications',
        query(ApplicationList),
      ),
    },
    '/applications/{id}': read(
      'GetApplication',
      'One application: status on the date, decision record, history',
      'applications',
      readQuery,
      true,
    ),
    '/applications/{id}/decision-replay': read(
      'ReplayDecision',
      'Replay the recorded decision on the policy as known then: must match',
      'audit',
      readQuery,
      true,
    ),
    '/licenses': {
      ...paths['/licenses'],
      ...read('ListLicenses', 'Licenses on a date, by exporter and status', 'licenses', query(LicenseList)),
    },
    '/licenses/{id}': read(
      'GetLicense',
      'One license: effective status, remaining quantities, validity, shipments, decision',
      'licenses',
      readQuery,
      true,
    ),
    '/exporters/{id}': read(
      'GetExporter',
      "An exporter's profile, general-license standing, applications and licenses",
      'exporters',
      readQuery,
      true,
    ),
    '/rule-history/measures': read(
      'ListMeasures',
      'Measures and their status on validOn, as known at knownAt',
      'rule-history',
      [
        { name: 'validOn', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'knownAt', in: 'query', schema: { type: 'string', format: 'date-time' } },
      ],
    ),
    '/rule-history/measures/{id}': read(
      'GetMeasureHistory',
      "A measure's timeline as known at knownAt",
      'rule-history',
      [{ name: 'knownAt', in: 'query', schema: { type: 'string', format: 'date-time' } }],
      true,
    ),
    '/rule-history/changes': read('ListPolicyChanges', 'Policy events recorded between two instants', 'rule-history', [
      { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
      { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
    ]),
    '/ops/consumers': read(
      'ListConsumers',
      'Every consumer of the event log in this process (read models, relay) and its lag',
      'ops',
      [],
    ),
    '/admin/read-models/rebuild': admin('RebuildReadModels', 'Drop every read model and replay the whole log into it'),
    '/admin/scheduler/run': admin(
      'RunScheduler',
      'Append the events that time made due (expiry, missed review deadline) now',
    ),
    '/health/live': publicRead('The process is up', 'health'),
    '/health/ready': publicRead('Every read model has caught up with the event log (503 otherwise)', 'health'),
    '/openapi.json': read('ReadOpenApi', 'This document', 'openapi', []),
    '/.well-known/jwks.json': wellKnown("The local issuer's public keys (JWKS)"),
    '/.well-known/openid-configuration': wellKnown('The local issuer: its `issuer` and `jwks_uri`'),
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Export-license workflow',
      version: '1',
      description:
        "System of record for export licenses under China's 2025-2026 rare-earth export controls. Every change is an event; reads are projections.",
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An OAuth 2 / OpenID Connect access token of the configured issuer (AUTH_ISSUER; locally `npm run token`), naming exactly one role of the service.',
        },
      },
      schemas: {
        ProblemDetails: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        CommandOutcome: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            streamId: { type: 'string' },
            revision: { type: ['string', 'null'], description: 'Stream revision after the command (decimal).' },
            position: {
              type: ['string', 'null'],
              description: '$all position of the last event; pass as minPosition to read your write.',
            },
            events: {
              type: 'array',
              items: {
                type: 'object',
                properties: { id: { type: 'string' }, type: { type: 'string' }, revision: { type: 'string' } },
              },
            },
            replayed: { type: 'boolean', description: 'True when this command had already been applied.' },
          },
        },
      },
    },
  };
}
