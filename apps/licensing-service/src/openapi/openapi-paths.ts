import type { Operation } from '@licensing/domain';
import { usesLocalIssuer } from '@licensing/identity';
import { ApplicationList, LicenseList } from '../queries/license-state.controller';
import { ReadQuery } from '../queries/read-query';
import { ChangesQuery, MeasureHistoryQuery, MeasuresQuery } from '../rule-history/rule-history.controller';
import {
  answer,
  authorized,
  CACHE_CONTROL,
  ETAG,
  inOrder,
  type Json,
  type OpenApiSettings,
  OUT_OF_SCOPE,
  pathId,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';

/*
 * The operations besides the commands: the reads (GET) and the admin
 * operations (POST without a body) of the permissions table, and the
 * public endpoints outside it.
 */

const QUERY = 'A query parameter is invalid or unknown (`request.invalid`; `errors` names each).';
/** The rule history's queries ignore parameters they do not know. */
const RULE_QUERY = 'A query parameter is invalid (`request.invalid`; `errors` names each).';
const POSITION = 'minPosition was not reached within 5 s (`request.position_not_reached`).';
const PATH_ID = 'The path id is invalid (`request.invalid_path_parameter`).';

interface ReadSpec {
  readonly summary: string;
  readonly tag: string;
  readonly parameters?: readonly Json[];
  readonly ok: Json;
  /** The 400s of its parameters; none: it reads no parameter. */
  readonly invalid?: readonly string[];
  readonly notFound?: string;
}

/** A read (GET) or an admin operation (POST without a body) of the permissions table. */
function guarded(operation: Operation, spec: ReadSpec, settings: OpenApiSettings, method = 'get'): Json {
  return {
    [method]: {
      summary: spec.summary,
      ...authorized(operation, `${method === 'get' ? 'Query' : 'Operation'} \`${operation}\`.`),
      tags: [spec.tag],
      ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
      responses: inOrder({
        '200': spec.ok,
        ...refusals(settings, { guarded: true, takesBody: false, throttled: true, invalid: spec.invalid?.join(' ') }),
        ...(spec.notFound === undefined ? {} : { '404': problem(spec.notFound) }),
      }),
    },
  };
}

/** Outside the permissions table on purpose: probes and token verifiers know no user. */
function open(operationId: string, summary: string, tag: string, responses: Json, settings: OpenApiSettings): Json {
  const health = tag === 'health';
  return {
    get: {
      operationId,
      summary,
      description: `Public: no token needed.${health ? ' Never rate-limited.' : ''}`,
      tags: [tag],
      security: [],
      responses: inOrder({
        ...responses,
        ...refusals(settings, { guarded: false, takesBody: false, throttled: !health }),
      }),
    },
  };
}

export function readPaths(settings: OpenApiSettings): Record<string, Json> {
  const byId = (name: string, query: Parameters<typeof queryParameters>[0] = ReadQuery) => [
    pathId(name),
    ...queryParameters(query),
  ];
  const one = (name: string, code: string) =>
    `No ${name} has this id (\`${code}\`), ${OUT_OF_SCOPE}: the same answer either way.`;
  const etag = (stream: string) => ETAG(`The revision of the ${stream} stream: If-Match for its next command.`);
  const read = (operation: Operation, spec: ReadSpec) => guarded(operation, spec, settings);
  return {
    '/applications': read('ListApplications', {
      summary: 'Applications on a date, by exporter and status',
      tag: 'applications',
      parameters: queryParameters(ApplicationList),
      ok: answer(
        "Every application in the reader's data scope that matches, as it stands on asOf.",
        'ApplicationsOnDate',
      ),
      invalid: [QUERY, POSITION],
    }),
    '/applications/{id}': read('GetApplication', {
      summary: 'One application: status on the date, decision record, history',
      tag: 'applications',
      parameters: byId('id'),
      ok: answer('The application as it stands on asOf.', 'ApplicationView', etag('application')),
      invalid: [PATH_ID, QUERY, POSITION],
      notFound: one('application', 'application.not_found'),
    }),
    '/applications/{id}/decision-replay': read('ReplayDecision', {
      summary: 'Replay the recorded decision on the policy as known then: must match',
      tag: 'audit',
      parameters: byId('id'),
      ok: answer('The replay and any difference from the recorded decision.', 'DecisionReplay'),
      invalid: [PATH_ID, QUERY, POSITION],
      notFound: `No application has this id, it has no recorded decision (\`application.no_decision_record\`), ${OUT_OF_SCOPE}.`,
    }),
    '/licenses': read('ListLicenses', {
      summary: 'Licenses on a date, by exporter and status',
      tag: 'licenses',
      parameters: queryParameters(LicenseList),
      ok: answer("Every license in the reader's data scope that matches, as it stands on asOf.", 'LicensesOnDate'),
      invalid: [QUERY, POSITION],
    }),
    '/licenses/{id}': read('GetLicense', {
      summary: 'One license: effective status, remaining quantities, validity, shipments, decision',
      tag: 'licenses',
      parameters: byId('id'),
      ok: answer('The license as it stands on asOf.', 'LicenseView', etag('license')),
      invalid: [PATH_ID, QUERY, POSITION],
      notFound: one('license', 'license.not_found'),
    }),
    '/exporters/{id}': read('GetExporter', {
      summary: "An exporter's profile, general-license standing, applications and licenses",
      tag: 'exporters',
      parameters: byId('id'),
      ok: answer('The exporter on asOf.', 'ExporterView', etag('exporter (absent if it never registered)')),
      invalid: [PATH_ID, QUERY, POSITION],
      notFound: `Nothing is recorded about this exporter (\`exporter.not_found\`), ${OUT_OF_SCOPE}.`,
    }),
    '/rule-history/measures': read('ListMeasures', {
      summary: 'Measures and their status on validOn, as known at knownAt',
      tag: 'rule-history',
      parameters: queryParameters(MeasuresQuery),
      ok: answer('Every measure known at knownAt, sorted by id.', 'MeasuresOnDate'),
      invalid: [RULE_QUERY],
    }),
    '/rule-history/measures/{measureId}': read('GetMeasureHistory', {
      summary: "A measure's timeline as known at knownAt",
      tag: 'rule-history',
      parameters: byId('measureId', MeasureHistoryQuery),
      ok: answer("The measure's life over valid time and its events, as known at knownAt.", 'MeasureHistory'),
      invalid: [PATH_ID, RULE_QUERY],
      notFound: 'No event of this measure was recorded by knownAt (`control_measure.not_found`).',
    }),
    '/rule-history/changes': read('ListPolicyChanges', {
      summary: 'Policy events recorded between two instants',
      tag: 'rule-history',
      parameters: queryParameters(ChangesQuery),
      ok: answer('The policy events recorded in (from, to].', 'PolicyChanges'),
      invalid: [RULE_QUERY],
    }),
    '/ops/consumers': read('ListConsumers', {
      summary: 'Every consumer of the event log in this process (read models, relay) and its lag',
      tag: 'ops',
      ok: answer('Each read model and the relay, with their positions.', 'Consumers'),
    }),
    '/openapi.json': read('ReadOpenApi', {
      summary: 'This document',
      tag: 'openapi',
      ok: answer('The OpenAPI 3.1 document of this service as configured.', 'OpenApiDocument'),
    }),
  };
}

export function adminPaths(settings: OpenApiSettings): Record<string, Json> {
  const admin = (operation: Operation, spec: ReadSpec) => guarded(operation, spec, settings, 'post');
  return {
    '/admin/read-models/rebuild': admin('RebuildReadModels', {
      summary: 'Drop every read model and replay the whole log into it',
      tag: 'admin',
      ok: answer('Rebuilt: each read model and the position it reached; queries see the result.', 'Rebuilt'),
    }),
    '/admin/scheduler/run': admin('RunScheduler', {
      summary: 'Append the events that time made due (expiry, missed review deadline) now',
      tag: 'admin',
      ok: answer('What the pass appended, found already recorded, or failed to append.', 'SchedulerReport'),
    }),
  };
}

export function publicPaths(settings: OpenApiSettings): Record<string, Json> {
  const wellKnown = (id: string, summary: string, schema: 'JsonWebKeySet' | 'OpenIdConfiguration') =>
    open(id, summary, 'identity', { '200': answer('JSON.', schema, CACHE_CONTROL) }, settings);
  return {
    '/health/live': open('getLiveness', 'The process is up', 'health', { '200': answer('Up.', 'Liveness') }, settings),
    '/health/ready': open(
      'getReadiness',
      'Every read model has caught up with the event log',
      'health',
      {
        '200': answer('Ready to serve.', 'Readiness'),
        '503': problem('A read model has not caught up with the event log yet (`http.503`).'),
      },
      settings,
    ),
    // Served only when the service is its own issuer; with an identity provider's keys they do not exist.
    ...(usesLocalIssuer(settings)
      ? {
          '/.well-known/jwks.json': wellKnown('getJwks', "The local issuer's public keys (JWKS)", 'JsonWebKeySet'),
          '/.well-known/openid-configuration': wellKnown(
            'getOpenIdConfiguration',
            'The local issuer: its `issuer` and `jwks_uri`',
            'OpenIdConfiguration',
          ),
        }
      : {}),
  };
}
