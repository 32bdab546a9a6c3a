import {
  ControlCode,
  ControlMeasureEvent,
  CountryCode,
  DecisionRecord,
  ExporterProfile,
  Instant,
  Item,
  LegalDate,
  LicenseType,
  MeasureStatusOnDate,
  Party,
  PenaltyKind,
  Provision,
  UnifiedSocialCreditCode,
} from '@licensing/domain';
import { APPLICATION_QUEUES, LICENSE_QUEUES } from '@licensing/projections';
import { z } from 'zod';
import { NextCursor } from './next-cursor';
import { APPLICATION_STATUSES, LICENSE_STATUSES } from '../queries/license-state.controller';
import {
  AmendmentDecisionReplay,
  AmendmentDecisionWhatIf,
  DecisionComparison,
  DecisionIntegrity,
  DecisionProofs,
  DecisionReplay,
  DecisionsUsingMeasure,
  DecisionWhatIf,
} from './decision-audit-schemas';
import {
  AuditExportConsistency,
  AuditExportEnd,
  AuditExportEvent,
  AuditExportHeader,
  AuditExportLine,
  ConsistencyProof,
  EventInclusion,
  InclusionProof,
  LogFinding,
  LogPublicKey,
  LogVerificationLine,
  LogVerificationProgress,
  LogVerificationReport,
  SignedTreeHead,
  TreeHeadsPage,
} from './verifiable-log-schemas';
import { BackupListing, BackupManifest, CreatedBackup } from './backup-schemas';
import { AnnouncementLink, Announcements, AnnouncementView } from './announcement-schemas';
import { AmendmentRequestView, DocumentEntry, ShipmentEntry, StoredDocument } from './case-record-schemas';
import { ParkedEventList, ParkedEventView } from './parked-event-schemas';
import { ReadModelRebuild, Rebuild, RebuildList } from './rebuild-schemas';

/**
 * What each operation answers, as zod schemas of the JSON on the wire (the
 * read models' views after JSON.stringify: bigints as decimal strings,
 * `undefined` members gone). Built from the domain's own schemas where the
 * views embed them (items, parties, decision records, policy events);
 * `response-types.check.ts` holds each one to the TypeScript type the
 * handler returns, so a field added to a view and not here fails to compile.
 * The OpenAPI document takes them as `components.schemas` (`RESPONSE_SCHEMAS`).
 */

/** A 64-bit stream revision or `$all` position, as the decimal string JSON carries it. */
const Position = z.string().regex(/^\d{1,20}$/);
const Count = z.int().min(0);

export const ProblemDetails = z
  .looseObject({
    type: z.string().describe('`urn:export-licensing:problem:<code>`.'),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().describe('For a person; never a stack trace or an internal message.'),
    instance: z.string().describe('The path of the request refused.'),
    code: z.string().describe('Stable and machine-readable, e.g. `license.quantity_exceeded`: branch on this.'),
    errors: z
      .array(
        z.object({
          field: z.string().describe('Dotted path into the body, the query parameter or the path parameter.'),
          rule: z.string().describe('The rule broken, e.g. `too_small` or `invalid_format`.'),
          message: z.string(),
        }),
      )
      .optional()
      .describe('400: every invalid field and the rule it breaks.'),
  })
  .describe(
    'RFC 9457 problem details. Refusals may add members of their own (e.g. `allowed` on a 403, `currentRevision` on a stale If-Match, `limitBytes` on a 413, `retryAfterSeconds` on a 429).',
  );

export const CommandOutcome = z.object({
  id: z.string().describe("The stream's id: from the path, the body, or derived from the Idempotency-Key."),
  streamId: z.string(),
  revision: Position.nullable().describe(
    'Stream revision after the command (also the ETag); null: the stream is empty.',
  ),
  position: Position.nullable().describe(
    '$all position of the last event appended; pass it as minPosition to read your write from another process. Null: nothing appended.',
  ),
  events: z.array(z.object({ id: z.string(), type: z.string(), revision: Position })).describe('The events stored.'),
  replayed: z.boolean().describe('True when this command had already been applied: nothing new was stored.'),
});

const HistoryEntry = z.object({
  type: z.string().describe('The event type.'),
  at: Instant.describe('When the command was issued (UTC).'),
  recordedAt: Instant.describe('When the event was stored (UTC).'),
  actor: z.string().describe('The verified subject who sent the command, or the service itself.'),
  role: z.string().describe("The actor's role then."),
  revision: Count.describe("The event's place in its own stream."),
});

const MeasureApplied = z.object({ measureId: z.string(), version: Count, title: z.string() });
const DecisionView = z.object({
  outcome: z.enum(['approved', 'rejected']),
  decidedOn: LegalDate,
  approverId: z.string(),
  reasons: z.array(z.string()),
  record: DecisionRecord.nullable().describe('Null for a rejection on explicit reasons without a rule evaluation.'),
  measuresApplied: z
    .array(MeasureApplied)
    .describe('The measures that controlled an item or party of the application, with the versions evaluated.'),
});

const ApplicationStatusOnDate = z.enum(APPLICATION_STATUSES);
const LicenseStatusOnDate = z.enum(LICENSE_STATUSES);

export const ApplicationView = z.object({
  id: z.string(),
  exporterId: z.string(),
  licenseType: LicenseType,
  status: ApplicationStatusOnDate.describe(
    'Effective on asOf: `deadline_missed` once an open case is past its review deadline.',
  ),
  recordedStatus: ApplicationStatusOnDate.exclude(['deadline_missed']).describe('As the events left it.'),
  asOf: LegalDate,
  items: z.array(Item),
  destination: CountryCode,
  endUser: Party.describe('The primary end user.'),
  endUsers: z.array(Party).describe('Every end user, the primary first: a general license names several.'),
  submittedOn: LegalDate.nullable(),
  reviewDeadline: LegalDate.nullable(),
  reviewerId: z.string().nullable(),
  pendingDocuments: z
    .object({ documents: z.array(z.string()), reason: z.string(), requestedOn: LegalDate })
    .nullable()
    .describe('An open request for documents.'),
  decision: DecisionView.nullable(),
  licenseId: z.string().nullable(),
  documents: z
    .array(DocumentEntry)
    .describe('Every document the case names, with the hash of the bytes where uploaded: which bytes the review saw.'),
  history: z.array(HistoryEntry),
  revision: Count.describe('Revision of the last event of the application stream: the ETag.'),
});

export const LicenseView = z.object({
  id: z.string(),
  applicationId: z.string(),
  exporterId: z.string(),
  licenseType: LicenseType,
  status: LicenseStatusOnDate.describe('Effective on asOf: expiry and a lapsed suspension need no event to show here.'),
  recordedStatus: z.enum(['active', 'suspended', 'exhausted', 'revoked', 'expired']).describe('As the events left it.'),
  asOf: LegalDate,
  items: z.array(
    z.object({
      lineId: z.string(),
      controlCode: ControlCode,
      element: z.string().nullable(),
      description: z.string(),
      unit: z.string(),
      licensed: z.number(),
      shipped: z.number(),
      remaining: z.number(),
    }),
  ),
  endUsers: z.array(Party),
  validFrom: LegalDate,
  validUntil: LegalDate,
  issuedOn: LegalDate,
  suspension: z
    .object({ reason: z.string(), suspendedOn: LegalDate, until: LegalDate.nullable(), inEffect: z.boolean() })
    .nullable()
    .describe('The recorded suspension; `inEffect` says whether it still holds on asOf.'),
  revocation: z.object({ revokedOn: LegalDate, reason: z.string() }).nullable(),
  shipments: z.array(ShipmentEntry),
  amendmentRequests: z
    .array(AmendmentRequestView)
    .describe(
      "The exporter's amendment requests, oldest first: what was asked, the review, the outcome and its record.",
    ),
  decision: DecisionView.nullable().describe('The decision on the application the license was issued on.'),
  history: z.array(HistoryEntry),
  revision: Count.describe('Revision of the last event of the license stream: the ETag.'),
});

/** POST /pre-checks: the decision an approval would record for a proposed export, stored nowhere. */
export const PreCheckAnswer = z.object({
  validOn: LegalDate.describe('The legal date evaluated, as asked or today (China Standard Time).'),
  knownAt: Instant.describe('The policy and the exporter as known at this instant, as asked or now.'),
  stored: z.literal(false).describe('Nothing was recorded: ask again freely.'),
  decision: DecisionRecord.describe(
    'The full record, as an approval would carry it: which measures apply and why, denial grounds, case-by-case reviews, general-license eligibility, the verdict. Its applicationId is `pre-check`.',
  ),
});

export const ApplicationsOnDate = z.object({
  asOf: LegalDate,
  applications: z.array(ApplicationView),
  nextCursor: NextCursor,
});
export const LicensesOnDate = z.object({ asOf: LegalDate, licenses: z.array(LicenseView), nextCursor: NextCursor });
/** GET /shipments: each shipment as recorded on its license, with its state (corrected and cancelled ones too). */
export const ShipmentView = ShipmentEntry.extend({
  id: z.string().describe('`<licenseId>/<shipmentId>`: a shipment id is unique within its license only.'),
  licenseId: z.string(),
  exporterId: z.string(),
});
export const ShipmentsPage = z.object({ shipments: z.array(ShipmentView), nextCursor: NextCursor });
/** GET /decisions: each decided application's decision, with whose case it is. */
export const DecisionListItem = z.object({
  id: z.string().describe("The application's id."),
  exporterId: z.string(),
  reviewerId: z.string().nullable(),
  decision: DecisionView,
});
export const DecisionsPage = z.object({ decisions: z.array(DecisionListItem), nextCursor: NextCursor });
/** GET /work-queues/{queue}: a queue is a case list with a fixed filter and order, so its items are the list's. */
export const ApplicationQueuePage = z.object({
  queue: z.enum(APPLICATION_QUEUES),
  asOf: LegalDate,
  items: z.array(ApplicationView),
  nextCursor: NextCursor,
});
export const LicenseQueuePage = z.object({
  queue: z.enum(LICENSE_QUEUES),
  asOf: LegalDate,
  items: z.array(LicenseView),
  nextCursor: NextCursor,
});

// The decision audit's answers (GET /applications/{id}/decision-replay, …/what-if, /audit/decisions,
// /licenses/{id}/amendment-requests/{amendmentRequestId}/decision-replay and …/what-if).
export {
  AmendmentDecisionReplay,
  AmendmentDecisionWhatIf,
  DecisionComparison,
  DecisionIntegrity,
  DecisionProofs,
  DecisionReplay,
  DecisionsUsingMeasure,
  DecisionWhatIf,
} from './decision-audit-schemas';

// The answers of GET /ops/parked-events.
export { ParkedEventList, ParkedEventView } from './parked-event-schemas';
// The answers of GET /announcements and /announcements/{id}.
export { Announcements, AnnouncementView } from './announcement-schemas';
// What the views record of a case after the fact, and the answer of POST /documents.
export { AmendmentRequestView, DocumentEntry, ShipmentEntry, StoredDocument } from './case-record-schemas';
// The answers of /ops/backups.
export { BackupListing, BackupManifest, CreatedBackup } from './backup-schemas';
// The answers of POST /admin/read-models/rebuild and /ops/rebuilds.
export { ReadModelRebuild, Rebuild, RebuildList } from './rebuild-schemas';
// The verifiable log's answers (/audit/tree-heads, /audit/public-key, /audit/proofs/..., /audit/verify, /audit/export).
export {
  AuditExportConsistency,
  AuditExportEnd,
  AuditExportEvent,
  AuditExportHeader,
  AuditExportLine,
  ConsistencyProof,
  EventInclusion,
  InclusionProof,
  LogFinding,
  LogPublicKey,
  LogVerificationLine,
  LogVerificationProgress,
  LogVerificationReport,
  SignedTreeHead,
  TreeHeadsPage,
} from './verifiable-log-schemas';

const ExporterRecord = z.object({
  exporterId: z.string(),
  name: z.string(),
  unifiedSocialCreditCode: UnifiedSocialCreditCode,
  dualUseExportsSince: LegalDate,
  licensedExportsLastThreeYears: Count,
  registeredOn: LegalDate,
  complianceProgramme: z.object({ certificateRef: z.string(), certifiedOn: LegalDate }).nullable(),
  penalties: z.array(z.object({ penaltyId: z.string(), kind: PenaltyKind, imposedOn: LegalDate, reason: z.string() })),
});

const GeneralLicenseStanding = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not_qualified') }),
  z.object({ status: z.literal('qualified'), since: LegalDate }),
  z.object({ status: z.literal('disqualified'), since: LegalDate, reason: z.string() }),
]);

export const ExporterView = z.object({
  exporterId: z.string(),
  asOf: LegalDate,
  profile: ExporterRecord.nullable().describe('Null if the exporter never registered.'),
  generalLicense: GeneralLicenseStanding,
  profileOn: ExporterProfile.nullable().describe('The facts the rule evaluation would read on asOf.'),
  applications: z.array(
    z.object({ applicationId: z.string(), licenseType: LicenseType, status: ApplicationStatusOnDate }),
  ),
  licenses: z.array(
    z.object({
      licenseId: z.string(),
      applicationId: z.string(),
      licenseType: LicenseType,
      status: LicenseStatusOnDate,
      validUntil: LegalDate,
    }),
  ),
  history: z.array(HistoryEntry),
  revision: Count.nullable().describe('Revision of the exporter stream (the ETag); null if it never registered.'),
});
/** GET /exporters: each registered exporter as recorded, without its cases (GET /exporters/{id} has them). */
export const ExporterListItem = z.object({
  id: z.string().describe("The exporter's id."),
  exporterId: z.string(),
  name: z.string(),
  unifiedSocialCreditCode: UnifiedSocialCreditCode,
  registeredOn: LegalDate,
  complianceProgramme: ExporterRecord.shape.complianceProgramme,
  generalLicense: GeneralLicenseStanding.describe('As recorded, with the date it took effect.'),
  revision: Count.describe("Revision of the exporter stream: GET /exporters/{id}'s ETag."),
});
export const ExportersPage = z.object({ exporters: z.array(ExporterListItem), nextCursor: NextCursor });

const RecordedPolicyEvent = z.object({
  measureId: z.string(),
  revision: Count.describe("0-based place in the measure's stream."),
  recordedAt: Instant.describe('When the event was recorded: when we learned the fact.'),
  event: ControlMeasureEvent,
  announcement: AnnouncementLink.nullable().describe(
    'The act of a recorded announcement that made this change; null for a change made by hand (or before its announcement was recorded).',
  ),
});

export const MeasuresOnDate = z.object({
  validOn: LegalDate,
  knownAt: Instant,
  measures: z.array(
    z.object({
      measureId: z.string(),
      title: z.string(),
      announcementNumber: z.string(),
      issuer: z.string(),
      publishedOn: LegalDate.nullable(),
      version: Count.describe("Number of the measure's events known at knownAt."),
      status: MeasureStatusOnDate,
      provisionsInForce: z.array(Provision),
      suspendedBy: z.array(z.string()),
    }),
  ),
});

export const MeasureHistory = z.object({
  measureId: z.string(),
  knownAt: Instant,
  intervals: z
    .array(
      z.object({
        from: LegalDate.nullable().describe('First day; null: since ever.'),
        until: LegalDate.nullable().describe('First day after (exclusive); null: open-ended.'),
        status: MeasureStatusOnDate,
        provisionIds: z.array(z.string()),
        suspendedBy: z.array(z.string()),
      }),
    )
    .describe("The measure's life over valid time, as known at knownAt."),
  events: z.array(RecordedPolicyEvent).describe('The events known at knownAt, in stream order.'),
});

export const PolicyChanges = z.object({
  from: Instant,
  to: Instant,
  changes: z.array(RecordedPolicyEvent).describe('What was recorded in (from, to], in recorded order.'),
});

const ReadModelStatus = z.object({
  name: z.string(),
  version: Count,
  position: Position.nullable().describe('$all position of the last event applied; null: none yet.'),
  caughtUp: z.boolean(),
  lastError: z.string().nullable(),
});

export const Consumers = z.object({
  readModels: z.array(ReadModelStatus),
  relay: z.discriminatedUnion('enabled', [
    z.object({ enabled: z.literal(false), hint: z.string() }),
    z.object({
      enabled: z.literal(true),
      state: z.enum(['starting', 'catching_up', 'live', 'retrying', 'stopped']),
      relayName: z.string(),
      storePosition: Position.nullable(),
      publishedPosition: Position.nullable(),
      lagEvents: Count,
      lagExact: z.boolean(),
      publishedEvents: Count,
      publishedMessages: Count,
      restarts: Count,
      lastError: z.string().nullable(),
    }),
  ]),
});

/** What POST /ops/parked-events/{id}/retry and /skip answer: the command's outcome and the event after the decision. */
export const ParkedEventDecision = CommandOutcome.extend({
  parkedEvent: ParkedEventView.nullable().describe(
    'The parked event after the decision (null only if it vanished meanwhile).',
  ),
});

export const SchedulerReport = z.object({
  today: LegalDate,
  appended: z.array(z.string()).describe('Command ids of the events appended.'),
  alreadyRecorded: z.array(z.string()),
  failed: z.array(z.object({ command: z.string(), error: z.string() })).describe('Retried on the next pass.'),
});

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** An event's envelope exactly as stored (never upcast), so its hash recomputes from what it carries. */
export const RecordedEventEnvelope = z
  .object({
    id: z.string(),
    type: z.string(),
    version: z.int().min(1).describe('The schema version of `data` as stored.'),
    streamId: z.string(),
    revision: Count.describe('0-based place in its stream.'),
    position: Position.describe('Place in `$all`.'),
    data: z.unknown().describe('The payload as stored.'),
    metadata: z.object({
      actor: z.string().describe('The verified subject who sent the command, or the service itself.'),
      role: z.string(),
      issuer: z.string().optional().describe("The token's `iss`; absent for the system and for events before tokens."),
      exporterIds: z.array(z.string()).optional().describe('The exporters an exporter user acted for.'),
      commandId: z.string(),
      correlationId: z.string(),
      causationId: z.string(),
      occurredAt: Instant.describe('When the command was issued (UTC).'),
      recordedAt: Instant.describe('When the event was stored (UTC).'),
      traceparent: z
        .string()
        .optional()
        .describe('The W3C trace context of the append that stored it; only when tracing was on.'),
    }),
    integrity: z
      .object({ prevHash: Sha256, hash: Sha256 })
      .describe("The stream's SHA-256 chain: `hash` = sha256(prevHash ‖ canonical JSON of the other fields)."),
  })
  .describe('An event envelope as stored: never upcast.');

export const StreamEventsPage = z.object({
  streamId: z.string(),
  direction: z.enum(['forwards', 'backwards']),
  events: z.array(RecordedEventEnvelope).describe('In the direction read; empty: nothing there.'),
  nextRevision: Count.nullable().describe("The next page's fromRevision; null: the stream ends (or starts) here."),
});

export const EventLogPage = z.object({
  events: z.array(RecordedEventEnvelope).describe('In `$all` order; possibly fewer than limit (see nextPosition).'),
  nextPosition: Position.nullable().describe(
    "The next page's fromPosition, just after the last event examined: a page examines at most max(10 × limit, 1000) events, so it may hold fewer than limit, even none, and still have one. Null: the end of `$all` was reached.",
  ),
});

/**
 * One message of GET /ops/events/live (`text/event-stream`): its `id`,
 * `event` and `data` fields, `data` being JSON. Heartbeats are comments, not
 * messages.
 */
export const LiveTailMessage = z
  .discriminatedUnion('event', [
    z.object({
      id: Position.describe("The event's `$all` position: send it back as Last-Event-ID to resume after it."),
      event: z.literal('recorded').describe('Every event of the log; its type is `data.type`.'),
      data: RecordedEventEnvelope,
    }),
    z.object({
      event: z
        .literal('fell-behind')
        .describe('The last message: the client fell LIVE_TAIL_BUFFER_EVENTS behind, and the server closes.'),
      data: z.object({
        resumeFrom: Position.describe('The position of the last event sent: reconnect with it as Last-Event-ID.'),
      }),
    }),
  ])
  .describe('One Server-Sent Events message of the live tail: `id`, `event` and `data` (JSON).');

export const AggregateStateAt = z.object({
  streamId: z.string(),
  aggregate: z.enum(['exporter', 'application', 'license', 'control_measure', 'announcement']),
  revision: Count.describe('The revision of the last event applied.'),
  recordedAt: Instant.describe('When the last event applied was recorded.'),
  state: z
    .looseObject({ status: z.string() })
    .describe("The aggregate's state as its decider folds it: the domain's own shape, by `aggregate` and `status`."),
});

export const Liveness = z.object({ status: z.literal('ok') });

const CheckStatus = z.enum(['up', 'down']);
const CheckError = z.string().optional().describe('Why the check is down.');
const ReadinessChecks = z.object({
  eventStore: z
    .object({ status: CheckStatus, store: z.enum(['sqlite', 'eventstoredb']), error: CheckError })
    .describe('A read of `$all` within 2 s; with SQLite, `events.sqlite` still in DATA_DIR.'),
  readModels: z
    .object({
      status: CheckStatus,
      maxLagEvents: Count.describe('READY_MAX_LAG_EVENTS.'),
      models: z.record(
        z.string(),
        z.object({
          lagEvents: Count.describe('Events of `$all` this read model has not processed yet.'),
          lagExact: z.boolean().describe('False: counting stopped past the threshold; the lag is at least this.'),
          lastError: z.string().optional(),
        }),
      ),
      error: CheckError,
    })
    .describe('Down when a read model is more than READY_MAX_LAG_EVENTS behind or failing.'),
  kafka: z
    .object({
      status: CheckStatus,
      brokers: Count.describe('Brokers the cluster metadata names.'),
      relay: z
        .object({ state: z.enum(['starting', 'catching_up', 'live', 'retrying', 'stopped']), lagEvents: Count })
        .nullable()
        .describe("The embedded relay's state, for the operator; not part of the verdict."),
      error: CheckError,
    })
    .optional()
    .describe('Only with KAFKA_BROKERS: the cluster metadata (describeCluster) within 2 s.'),
  verifiableLog: z
    .object({ status: CheckStatus, treeSize: Count, error: CheckError })
    .describe('Down when the follower of `$all` reports an error.'),
});
const SomeChecks = ReadinessChecks.partial();
export const Readiness = z
  .object({
    status: z.enum(['ok', 'error']),
    info: SomeChecks.describe('The checks that are up.'),
    error: SomeChecks.describe('The checks that are down.'),
    details: ReadinessChecks.describe('Every check.'),
  })
  .describe('The shape of @nestjs/terminus: 200 with `status` ok, 503 with `status` error.');

/** The local issuer's keys (RFC 7517): Ed25519 public keys, for EdDSA signatures. */
export const JsonWebKeySet = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      x: z.string().describe('The public key, base64url.'),
      kid: z.string(),
      alg: z.literal('EdDSA'),
      use: z.literal('sig'),
    }),
  ),
});
export const OpenIdConfiguration = z.object({
  issuer: z.string().describe("The `iss` of the local issuer's tokens."),
  jwks_uri: z.string().describe('The URL of its public keys, by the scheme and Host the caller used.'),
  authorization_endpoint: z
    .string()
    .describe("The console's sign-in: the authorization endpoint (code flow with PKCE)."),
  token_endpoint: z.string().describe('Where a code is exchanged for an access token.'),
  response_types_supported: z.array(z.literal('code')),
  grant_types_supported: z.array(z.literal('authorization_code')),
  code_challenge_methods_supported: z.array(z.literal('S256')),
  token_endpoint_auth_methods_supported: z.array(z.literal('none')),
});
export const SignInRedirect = z.object({
  redirectTo: z.string().describe("The console's callback with `code` and `state`: where the browser goes next."),
});
export const TokenAnswer = z.object({
  access_token: z.string().describe('A bearer JWT for the API.'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Seconds until it expires.'),
});
export const OAuthError = z.object({
  error: z.enum(['invalid_grant', 'invalid_request', 'invalid_client']),
  error_description: z.string(),
});
export const OpenApiDocument = z
  .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}) })
  .describe('This document.');

/** The schemas by their name under `components.schemas`; each is referenced from the responses. */
export const RESPONSE_SCHEMAS = {
  ProblemDetails,
  CommandOutcome,
  StoredDocument,
  Party,
  Item,
  DecisionRecord,
  PreCheckAnswer,
  HistoryEntry,
  DecisionView,
  ApplicationView,
  ApplicationsOnDate,
  LicenseView,
  LicensesOnDate,
  ShipmentView,
  ShipmentsPage,
  DecisionListItem,
  DecisionsPage,
  ApplicationQueuePage,
  LicenseQueuePage,
  DecisionComparison,
  DecisionIntegrity,
  DecisionProofs,
  DecisionReplay,
  DecisionWhatIf,
  AmendmentDecisionReplay,
  AmendmentDecisionWhatIf,
  DecisionsUsingMeasure,
  ExporterView,
  ExporterListItem,
  ExportersPage,
  ControlMeasureEvent,
  RecordedPolicyEvent,
  MeasuresOnDate,
  MeasureHistory,
  PolicyChanges,
  AnnouncementLink,
  AnnouncementView,
  Announcements,
  ReadModelStatus,
  Consumers,
  BackupManifest,
  CreatedBackup,
  BackupListing,
  ReadModelRebuild,
  Rebuild,
  RebuildList,
  ParkedEventView,
  ParkedEventList,
  ParkedEventDecision,
  SchedulerReport,
  RecordedEventEnvelope,
  StreamEventsPage,
  EventLogPage,
  LiveTailMessage,
  AggregateStateAt,
  SignedTreeHead,
  EventInclusion,
  TreeHeadsPage,
  LogPublicKey,
  InclusionProof,
  ConsistencyProof,
  LogFinding,
  LogVerificationProgress,
  LogVerificationReport,
  LogVerificationLine,
  AuditExportHeader,
  AuditExportConsistency,
  AuditExportEvent,
  AuditExportEnd,
  AuditExportLine,
  Liveness,
  Readiness,
  JsonWebKeySet,
  OpenIdConfiguration,
  SignInRedirect,
  TokenAnswer,
  OAuthError,
  OpenApiDocument,
} as const satisfies Record<string, z.ZodType>;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;

/**
 * `components.schemas`, as JSON Schema 2020-12 (OpenAPI 3.1), with `$ref`s
 * between them: those `used` (the rest of the document) refers to, and
 * what they refer to in turn. (Without /.well-known, its schemas go too.)
 */
export function responseComponents(used: unknown): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const all = new Map(
    Object.entries(schemas).map(([id, schema]) => {
      // Each component is part of the document: no dialect or id of its own.
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const reached = new Set<string>();
  const visit = (node: unknown) => {
    for (const [, id = ''] of JSON.stringify(node).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (reached.has(id)) continue;
      reached.add(id);
      visit(all.get(id));
    }
  };
  visit(used);
  return Object.fromEntries([...all].filter(([id]) => reached.has(id)));
}
