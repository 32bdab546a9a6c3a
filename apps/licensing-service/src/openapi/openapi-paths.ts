import type { Operation } from '@licensing/domain';
import { usesLocalIssuer } from '@licensing/identity';
import { DecisionReplayQuery, DecisionsByMeasure, WhatIfQuery } from '../audit/decision-audit.controller';
import { ExportQuery } from '../audit/audit-export.controller';
import { AllEventsQuery, StateAtQuery, StreamEventsQuery } from '../audit/event-log.controller';
import { ConsistencyQuery, InclusionQuery, TreeHeadsQuery } from '../audit/verifiable-log.controller';
import { ApplicationListQuery, LicenseListQuery } from '../queries/license-state.controller';
import { ReadQuery } from '../queries/read-query';
import { ExporterListQuery } from '../queries/exporter-view.controller';
import { DecisionListQuery } from '../queries/decisions.controller';
import { ShipmentListQuery } from '../queries/shipments.controller';
import { ChangesQuery, MeasureHistoryQuery, MeasuresQuery } from '../rule-history/rule-history.controller';
import {
  answer,
  authorized,
  CACHE_CONTROL,
  ETAG,
  inOrder,
  type Json,
  lines,
  NO_STORE,
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
const DECISION_NOT_FOUND = `No application has this id (\`application.not_found\`), ${OUT_OF_SCOPE}, or it has no recorded decision: not decided, or rejected without a rule evaluation (\`application.no_decision_record\`).`;
const DECISION_UNREADABLE =
  "The decision event does not fit the domain schema, so there is no record to check (`audit.decision_unreadable`, with `integrity`: the application stream's chain check).";

interface ReadSpec {
  readonly summary: string;
  readonly tag: string;
  readonly parameters?: readonly Json[];
  readonly ok: Json;
  /** The status of `ok` when it is not 200: 201 for an action that makes something (and stores no event). */
  readonly okStatus?: '201';
  /** The 400s of its parameters; none: it reads no parameter. */
  readonly invalid?: readonly string[];
  readonly notFound?: string;
  /** A 409 besides the refusals every read shares. */
  readonly conflict?: string;
  /** Where one operation of the table has more than one endpoint: each but one names its own. */
  readonly operationId?: string;
}

/** A read (GET) or an operation without a body (POST: admin, signing a tree head) of the permissions table. */
function guarded(operation: Operation, spec: ReadSpec, settings: OpenApiSettings, method = 'get'): Json {
  return {
    [method]: {
      summary: spec.summary,
      ...authorized(operation, `${method === 'get' ? 'Query' : 'Operation'} \`${operation}\`.`),
      ...(spec.operationId === undefined ? {} : { operationId: spec.operationId }),
      tags: [spec.tag],
      ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
      responses: inOrder({
        [spec.okStatus ?? '200']: spec.ok,
        ...refusals(settings, { guarded: true, takesBody: false, throttled: true, invalid: spec.invalid?.join(' ') }),
        ...(spec.notFound === undefined ? {} : { '404': problem(spec.notFound) }),
        ...(spec.conflict === undefined ? {} : { '409': problem(spec.conflict) }),
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

/** Lists: a cursor that is not this list's `nextCursor` (or came with another sort). */
const CURSOR = 'The cursor is not a `nextCursor` of this list with this sort (`request.invalid_cursor`).';

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
      summary: 'Applications on a date: filtered, sorted, a page at a time',
      tag: 'applications',
      parameters: queryParameters(ApplicationListQuery),
      ok: answer(
        "A page of the applications in the reader's data scope that match, as they stand on asOf, and the next page's cursor.",
        'ApplicationsOnDate',
      ),
      invalid: [QUERY, POSITION, CURSOR],
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
      summary: 'Replay the recorded decision from the event log, on the policy as known then: must match',
      tag: 'audit',
      parameters: byId('id', DecisionReplayQuery),
      ok: answer(
        "Read from the event store, not the read models: the application's and every measure's hash chain checked on the events as stored, the recorded inputs re-evaluated on the policy log as known at the record's knownAt, the difference rule by rule, and each event read proved in the verifiable log (or why not). `matches` is false when the replay differs or a chain is broken; `findings` says why.",
        'DecisionReplay',
      ),
      invalid: [PATH_ID, QUERY],
      notFound: DECISION_NOT_FOUND,
      conflict: DECISION_UNREADABLE,
    }),
    '/applications/{id}/what-if': read('WhatIfDecision', {
      summary: 'The recorded inputs re-evaluated at another legal date and/or knowledge time',
      tag: 'audit',
      parameters: byId('id', WhatIfQuery),
      ok: answer(
        'The decision the recorded inputs get at (validOn, knownAt), from the event log with every chain checked, rule by rule against the recorded decision.',
        'DecisionWhatIf',
      ),
      invalid: [PATH_ID, QUERY],
      notFound: DECISION_NOT_FOUND,
      conflict: DECISION_UNREADABLE,
    }),
    '/audit/decisions': read('FindDecisionsByMeasure', {
      summary: 'Which decisions relied on a measure (version), decided in a period',
      tag: 'audit',
      parameters: queryParameters(DecisionsByMeasure),
      ok: answer(
        "Every decision (an application's, or an amendment request's on a license) whose record lists the measure, applying or not, with the version it evaluated; a page in the order they were recorded.",
        'DecisionsUsingMeasure',
      ),
      invalid: [`${QUERY} to before from is one.`, CURSOR],
    }),
    '/audit/streams/{streamId}/events': read('ReadEventLog', {
      summary: "One stream's events, forwards or backwards from a revision, as stored",
      tag: 'audit',
      operationId: 'readStreamEvents',
      parameters: byId('streamId', StreamEventsQuery),
      ok: answer(
        'A page of whole envelopes (metadata, integrity) exactly as stored, never upcast; a stream with no events is an empty page.',
        'StreamEventsPage',
      ),
      invalid: [PATH_ID, QUERY],
    }),
    '/audit/events': read('ReadEventLog', {
      summary: '`$all` from a position, by stream prefix, event type and recorded time, paged',
      tag: 'audit',
      parameters: queryParameters(AllEventsQuery),
      ok: answer(
        'A page of whole envelopes exactly as stored, in `$all` order. A page examines at most max(10 × limit, 1000) events: it may hold fewer than limit, even none, with a nextPosition to continue from; null once the end is reached.',
        'EventLogPage',
      ),
      invalid: [`${QUERY} recordedTo before recordedFrom is one.`],
    }),
    '/audit/streams/{streamId}/state': read('ReadAggregateAt', {
      summary: "Time travel: an aggregate's state at a revision, or as recorded by an instant",
      tag: 'audit',
      parameters: byId('streamId', StateAtQuery),
      ok: answer(
        "The stream's events up to the revision, or those recorded by the instant, folded with its aggregate's decider.",
        'AggregateStateAt',
      ),
      invalid: [PATH_ID, `${QUERY} Exactly one of revision and at is required.`],
      notFound:
        "The stream has no event at that revision, or none recorded by that instant (`audit.no_state`), or it is no aggregate's stream (`audit.not_an_aggregate_stream`).",
    }),
    '/licenses': read('ListLicenses', {
      summary: 'Licenses on a date: filtered, sorted, a page at a time',
      tag: 'licenses',
      parameters: queryParameters(LicenseListQuery),
      ok: answer(
        "A page of the licenses in the reader's data scope that match, as they stand on asOf, and the next page's cursor.",
        'LicensesOnDate',
      ),
      invalid: [QUERY, POSITION, CURSOR],
    }),
    '/decisions': read('ListDecisions', {
      summary: 'Recorded decisions across applications: filtered, sorted, a page at a time',
      tag: 'applications',
      parameters: queryParameters(DecisionListQuery),
      ok: answer(
        "A page of the decisions on the applications in the reader's data scope that match, each with its record, and the next page's cursor.",
        'DecisionsPage',
      ),
      invalid: [QUERY, POSITION, CURSOR],
    }),
    '/shipments': read('ListShipments', {
      summary: 'Shipments across licenses: filtered, sorted, a page at a time',
      tag: 'licenses',
      parameters: queryParameters(ShipmentListQuery),
      ok: answer(
        "A page of the shipments on the licenses in the reader's data scope that match, each as recorded with its state (corrected and cancelled ones too), and the next page's cursor.",
        'ShipmentsPage',
      ),
      invalid: [QUERY, POSITION, CURSOR],
    }),
    '/licenses/{id}': read('GetLicense', {
      summary: 'One license: effective status, remaining quantities, validity, shipments, decision',
      tag: 'licenses',
      parameters: byId('id'),
      ok: answer('The license as it stands on asOf.', 'LicenseView', etag('license')),
      invalid: [PATH_ID, QUERY, POSITION],
      notFound: one('license', 'license.not_found'),
    }),
    '/exporters': read('ListExporters', {
      summary: 'Registered exporters: filtered, sorted, a page at a time',
      tag: 'exporters',
      parameters: queryParameters(ExporterListQuery),
      ok: answer(
        "A page of the registered exporters in the reader's data scope that match (an exporter: itself), each as recorded, and the next page's cursor.",
        'ExportersPage',
      ),
      invalid: [QUERY, POSITION, CURSOR],
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

/** The 404 of an operation made at a signed tree head: the one asked for, or else the current one. */
const NO_TREE_HEAD = (sizes: string) =>
  `No tree head was signed at ${sizes}, or none was asked for and the log is empty (\`audit.no_tree_head\`; GET /audit/tree-heads lists the heads)`;

/**
 * The verifiable log: signed tree heads, the key that signs them, inclusion
 * and consistency proofs, a verification of the whole store and the
 * auditor's export, the last two streamed as NDJSON.
 */
export function verifiableLogPaths(settings: OpenApiSettings): Record<string, Json> {
  const read = (operation: Operation, spec: ReadSpec) => guarded(operation, spec, settings);
  return {
    '/audit/tree-heads/latest': read('ReadTreeHeads', {
      summary: 'The newest signed tree head',
      tag: 'audit',
      operationId: 'readLatestTreeHead',
      ok: answer(
        'The head signed last (on a schedule when the log grew, or on demand); it may be older than the newest events.',
        'SignedTreeHead',
      ),
      notFound: 'No tree head has been signed yet (`audit.no_tree_head`); POST /audit/tree-heads signs one.',
    }),
    '/audit/tree-heads': {
      ...read('ReadTreeHeads', {
        summary: 'Every signed tree head, newest first, paged',
        tag: 'audit',
        parameters: queryParameters(TreeHeadsQuery),
        ok: answer(
          'A page of the heads kept, newest first, each with its number (`seq`); `next` continues with older ones.',
          'TreeHeadsPage',
        ),
        invalid: [QUERY],
      }),
      ...guarded(
        'SignTreeHead',
        {
          summary: 'Sign a tree head over everything committed now',
          tag: 'audit',
          ok: answer(
            'A new head over every event committed now, signed and kept, even at an unchanged size (a fresh, dated statement). It stores no event: the head goes to the audit log, not the event log. Not idempotent: each call signs another head.',
            'SignedTreeHead',
          ),
          okStatus: '201',
        },
        settings,
        'post',
      ),
    },
    '/audit/public-key': read('ReadTreeHeads', {
      summary: 'The public key that verifies the tree heads',
      tag: 'audit',
      operationId: 'readTreeHeadKey',
      ok: answer('The Ed25519 key that signs the tree heads, and its key id.', 'LogPublicKey'),
    }),
    '/audit/proofs/inclusion': read('ProveInclusion', {
      summary: "An event's inclusion proof against a signed tree head",
      tag: 'audit',
      parameters: queryParameters(InclusionQuery),
      ok: answer(
        "The event's audit path to the root of the head signed at treeSize, or of the current head (signed now if the log grew since the last).",
        'InclusionProof',
      ),
      invalid: [QUERY],
      notFound: `${NO_TREE_HEAD('`treeSize`')}; or the event is not among the head's events: there is no such event, or it was appended after the head (\`audit.event_not_in_tree\`); or the stream has no event at that revision (\`audit.event_not_found\`).`,
    }),
    '/audit/proofs/consistency': read('ProveConsistency', {
      summary: 'A consistency proof between two tree sizes: the log only grew',
      tag: 'audit',
      parameters: queryParameters(ConsistencyQuery),
      ok: answer(
        "The proof that the tree of `from` leaves is a prefix of the tree of `to` leaves (or of the current head's, signed now if the log grew), with both roots and the newer signed head.",
        'ConsistencyProof',
      ),
      invalid: [`${QUERY} from larger than to is one (\`audit.bad_tree_sizes\`).`],
      notFound: `${NO_TREE_HEAD('`to` or at `from` (unless it is 0)')}.`,
    }),
    '/audit/verify': read('VerifyLog', {
      summary: 'Verify the whole event store against the verifiable log, streamed as it goes',
      tag: 'audit',
      ok: lines(
        "Every event as stored, in `$all` order, held to its own hash, its stream's chain, the leaf the log recorded and every signed tree head: `progress` lines while it reads, then one `report` line. A failure after the first line cuts the connection, so a body without its `report` line is incomplete.",
        'LogVerificationLine',
        NO_STORE,
      ),
    }),
    '/audit/export': read('ExportLog', {
      summary: 'Export the log at a signed tree head, for the offline verifier',
      tag: 'audit',
      parameters: queryParameters(ExportQuery),
      ok: lines(
        '`licensing-audit-export/v1`, streamed from the store: a `header` (the signed head the export is made at, the filter), a `consistency` proof from sinceTreeSize when asked, one `event` per event of the tree that matches the filter, in log order, exactly as stored (with its audit path when filtered), then an `end` line. A failure after the first line cuts the connection, so a body without its `end` line is incomplete.',
        'AuditExportLine',
        NO_STORE,
      ),
      invalid: [
        `${QUERY} recordedTo before recordedFrom is one; sinceTreeSize larger than the export's tree size is another (\`audit.bad_tree_sizes\`).`,
      ],
      notFound: `${NO_TREE_HEAD('`treeSize`')}.`,
    }),
  };
}

export function adminPaths(settings: OpenApiSettings): Record<string, Json> {
  const admin = (operation: Operation, spec: ReadSpec) => guarded(operation, spec, settings, 'post');
  return {
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
    '/health/live': open(
      'getLiveness',
      'The process is up and answers',
      'health',
      { '200': answer('Up.', 'Liveness') },
      settings,
    ),
    '/health/ready': open(
      'getReadiness',
      'The event store, the read models, Kafka (when configured) and the verifiable log are up',
      'health',
      {
        '200': answer('Ready to serve: every check is up.', 'Readiness'),
        '503': answer('Not ready: a check is down, named under `error`.', 'Readiness'),
      },
      settings,
    ),
    '/metrics': open(
      'getMetrics',
      'Prometheus metrics',
      'health',
      {
        '200': {
          description:
            'Every metric in the Prometheus text format 0.0.4: commands, event-store commits, read models, relay, scheduler, HTTP, and the process. The README lists them.',
          headers: { 'Cache-Control': { description: '`no-store`.', schema: { type: 'string', const: 'no-store' } } },
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
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
