import type { ApplicationCommand } from '../application/application-commands';
import type { ExporterCommand } from '../exporter/exporter-commands';
import type { LicenseCommand } from '../license/license-commands';
import type { ControlMeasureCommand } from '../policy/measure-commands';
import type { AnnouncementCommand } from '../policy/announcement/announcement-commands';
import type { ParkedEventCommand } from '../ops/parked-event-commands';
import { ForbiddenError } from '../shared/errors';
import type { Actor, PersonRole, Role } from '../shared/metadata';
import { PERSON_ROLE_NAMES } from '../shared/role-names';

/**
 * Who may do what, and to which data: the one authorization table. For each
 * operation it names the roles allowed and, per role, the data that role
 * reaches:
 * - `all`: every resource;
 * - `own-exporter`: only the cases of the exporters the actor acts for (`Actor.exporterIds`);
 * - `assigned-reviewer`: only the applications assigned to the actor (`reviewerId` = `actor.id`).
 *
 * The deciders enforce the roles of the command rows, the HTTP guard the
 * roles of every row before a handler runs, the command runner the data
 * scope of a command on the stream it loads, the read models the data scope
 * of a read (`inScope`, `./data-scope`), and the OpenAPI document lists the
 * roles, so none of them can drift from this table.
 *
 * Deliberately outside the table, public to anyone without an actor:
 * GET /health/live and /health/ready (probes know no user) and /.well-known/*
 * (what a client needs before it holds a token).
 */
export type DataScope = 'all' | 'own-exporter' | 'assigned-reviewer';

/** The roles allowed one operation, each with the data it reaches; a role not named is refused. */
export type Grants = { readonly [R in Role]?: DataScope };

const EXPORTER = { exporter: 'own-exporter' } as const satisfies Grants;
const OFFICER = { licensing_officer: 'all' } as const satisfies Grants;
/** The service's own scheduler: never a person, never a token. */
const SCHEDULER = { system: 'all' } as const satisfies Grants;
/** Licenses and exporters: exporters see their own, officers decide and auditors check all of them. */
const CASE_READERS = { exporter: 'own-exporter', licensing_officer: 'all', auditor: 'all' } as const satisfies Grants;
/** Applications: as case data, and each reviewer sees the applications assigned to them. */
const APPLICATION_READERS = {
  exporter: 'own-exporter',
  licensing_officer: 'all',
  reviewer: 'assigned-reviewer',
  auditor: 'all',
} as const satisfies Grants;
/** The law as recorded and the API's description are public knowledge to every person with a token. */
const PERSONS = Object.fromEntries(PERSON_ROLE_NAMES.map((role) => [role, 'all'])) as {
  readonly [R in PersonRole]: 'all';
};
const OPS = { ops: 'all' } as const satisfies Grants;

const exporterCommands = {
  // An exporter registers itself (one it acts for); an officer registers any.
  RegisterExporter: { exporter: 'own-exporter', licensing_officer: 'all' },
  CertifyComplianceProgramme: OFFICER,
  QualifyForGeneralLicenses: OFFICER,
  DisqualifyFromGeneralLicenses: OFFICER,
  PenaliseExporter: OFFICER,
} as const satisfies Record<ExporterCommand['type'], Grants>;

const applicationCommands = {
  DraftApplication: EXPORTER,
  ReviseDraft: EXPORTER,
  SubmitApplication: EXPORTER,
  AcceptApplication: OFFICER,
  RequestDocuments: OFFICER,
  SupplyDocuments: EXPORTER,
  AssignReviewer: OFFICER,
  CompleteReview: { reviewer: 'assigned-reviewer' },
  ApproveApplication: OFFICER,
  RejectApplication: OFFICER,
  WithdrawApplication: EXPORTER,
  MarkReviewDeadlineMissed: SCHEDULER,
} as const satisfies Record<ApplicationCommand['type'], Grants>;

const licenseCommands = {
  IssueLicense: OFFICER,
  // Exporters only: nothing in the service records shipments itself, and a
  // customs system calling in comes with a token of its own, never as `system`.
  RecordShipment: EXPORTER,
  // The exporter declared the shipment and corrects its own record; licensing
  // officers too, so the record can follow customs' findings without waiting
  // for the exporter. Every correction names its reason and its actor.
  CorrectShipment: { exporter: 'own-exporter', licensing_officer: 'all' },
  CancelShipment: { exporter: 'own-exporter', licensing_officer: 'all' },
  AmendLicense: OFFICER,
  SuspendLicense: OFFICER,
  ReinstateLicense: OFFICER,
  RevokeLicense: OFFICER,
  ExpireLicense: SCHEDULER,
  // An exporter's amendment request, reviewed and decided like an application (four eyes).
  RequestAmendment: EXPORTER,
  AssignAmendmentReviewer: OFFICER,
  CompleteAmendmentReview: { reviewer: 'assigned-reviewer' },
  ApproveAmendment: OFFICER,
  RejectAmendment: OFFICER,
} as const satisfies Record<LicenseCommand['type'], Grants>;

// `system`: the seeder records the real policy history as `seed` (system).
const POLICY = { policy_officer: 'all', system: 'all' } as const satisfies Grants;
const measureCommands = {
  PublishMeasure: POLICY,
  AmendMeasure: POLICY,
  SuspendMeasure: POLICY,
  ExtendSuspension: POLICY,
  LiftSuspension: POLICY,
  RepealMeasure: POLICY,
  RecordCorrection: POLICY,
} as const satisfies Record<ControlMeasureCommand['type'], Grants>;
const announcementCommands = {
  RecordAnnouncement: POLICY,
  // Only the service's process manager, as it applies each act to its measure: never a person, never a token.
  RecordAnnouncementActOutcome: { system: 'all' },
} as const satisfies Record<AnnouncementCommand['type'], Grants>;

const applicationQueries = {
  ListApplications: APPLICATION_READERS,
  GetApplication: APPLICATION_READERS,
  ReplayDecision: { licensing_officer: 'all', auditor: 'all' },
  // GET /decisions: the decisions recorded on applications, read as the applications they decided.
  ListDecisions: APPLICATION_READERS,
} as const satisfies Record<string, Grants>;
/** Licenses as case data; a reviewer reads the license whose amendment request they are assigned to review. */
const LICENSE_READERS = { ...CASE_READERS, reviewer: 'assigned-reviewer' } as const satisfies Grants;
/** Shipments across licenses (GET /shipments): read as the licenses they were recorded on. */
const licenseQueries = {
  ListLicenses: LICENSE_READERS,
  GetLicense: LICENSE_READERS,
  ListShipments: LICENSE_READERS,
  // An amendment request's recorded decision replayed from the log: the checkers of ReplayDecision.
  ReplayAmendmentDecision: { licensing_officer: 'all', auditor: 'all' },
} as const satisfies Record<string, Grants>;
/**
 * Document bytes. Uploading reaches no case (content-addressed bytes belong
 * to nobody until a case names them), so an exporter's upload is not scoped;
 * reading them is reading the applications that name them, scoped alike.
 */
const documentOperations = {
  UploadDocument: { exporter: 'all' },
  GetDocument: APPLICATION_READERS,
} as const satisfies Record<string, Grants>;
/** One exporter, or a page of them (GET /exporters): an exporter reads itself only. */
const exporterQueries = { GetExporter: CASE_READERS, ListExporters: CASE_READERS } as const satisfies Record<
  string,
  Grants
>;
const ruleHistoryQueries = {
  ListMeasures: PERSONS,
  GetMeasureHistory: PERSONS,
  ListPolicyChanges: PERSONS,
} as const satisfies Record<string, Grants>;
/** Announcements are public law like the rule history, with which acts they ordered and how each went. */
const announcementQueries = {
  ListAnnouncements: PERSONS,
  GetAnnouncement: PERSONS,
} as const satisfies Record<string, Grants>;
/**
 * "Would this export need a license?": an exporter for itself, officers for
 * anyone, and auditors, who read everything; nothing is stored.
 */
const preCheckQueries = {
  PreCheckExport: { exporter: 'own-exporter', licensing_officer: 'all', auditor: 'all' },
} as const satisfies Record<string, Grants>;
/**
 * Work queues, one row each, so the table says who works which queue. Each
 * queue is its case list (ListApplications, ListLicenses) with a fixed
 * filter, in the reader's data scope. Officers work the intake and the
 * decisions, never a review (CompleteReview is the reviewer's), so "assigned
 * to me" is the reviewer's queue alone; a reviewer also watches the
 * deadlines of the cases assigned to them. Auditors read every queue, an
 * "assigned to me" too: for them, every reviewer's. Exporters have none.
 */
const QUEUE_WORKERS = { licensing_officer: 'all', auditor: 'all' } as const satisfies Grants;
const workQueueQueries = {
  ListAwaitingAcceptance: QUEUE_WORKERS,
  ListUnassigned: QUEUE_WORKERS,
  ListAssignedToMe: { reviewer: 'assigned-reviewer', auditor: 'all' },
  ListAwaitingDecision: QUEUE_WORKERS,
  ListDeadlinesDue: { ...QUEUE_WORKERS, reviewer: 'assigned-reviewer' },
  ListExpiringLicenses: QUEUE_WORKERS,
  ListNearlyExhausted: QUEUE_WORKERS,
} as const satisfies Record<string, Grants>;
const apiQueries = { ReadOpenApi: PERSONS } as const satisfies Record<string, Grants>;
// Ops watch the consumers; auditors read everything, this too. The live tail
// streams raw events, every exporter's data: only roles that see all of it.
const opsQueries = {
  ListConsumers: { ops: 'all', auditor: 'all' },
  TailEventLog: { ops: 'all', auditor: 'all' },
  // Backups of the embedded store: ops take them; the list (manifests, no event data) is open to auditors too.
  CreateBackup: OPS,
  ListBackups: { ops: 'all', auditor: 'all' },
  // The progress of read-model rebuilds (POST /admin/read-models/rebuild starts one: RebuildReadModels).
  ListRebuilds: { ops: 'all', auditor: 'all' },
} as const satisfies Record<string, Grants>;
/** Events a consumer could not process: ops and auditors see them; only ops decide on them (audited commands). */
const parkedEventQueries = {
  ListParkedEvents: { ops: 'all', auditor: 'all' },
} as const satisfies Record<string, Grants>;
const parkedEventCommands = {
  RetryParkedEvent: OPS,
  SkipParkedEvent: OPS,
} as const satisfies Record<ParkedEventCommand['type'], Grants>;
const adminOperations = { RebuildReadModels: OPS, RunScheduler: OPS } as const satisfies Record<string, Grants>;
/** The people who check decisions: officers (their own workflow) and auditors. */
const CHECKERS = { licensing_officer: 'all', auditor: 'all' } as const satisfies Grants;
/**
 * The auditor's workbench. Raw events carry every exporter's data, so only
 * checkers read them; a tree head (a size and a root) and a consistency proof
 * reveal nothing but the log's growth, so every person may hold the log to
 * its word; verifying and signing on demand cost the server work, so only
 * auditors and ops ask for them; a whole export is the auditor's alone.
 */
const auditOperations = {
  ReadEventLog: CHECKERS,
  ReadAggregateAt: CHECKERS,
  WhatIfDecision: CHECKERS,
  WhatIfAmendmentDecision: CHECKERS,
  FindDecisionsByMeasure: CHECKERS,
  ProveInclusion: CHECKERS,
  ReadTreeHeads: PERSONS,
  ProveConsistency: PERSONS,
  SignTreeHead: { auditor: 'all', ops: 'all' },
  VerifyLog: { auditor: 'all', ops: 'all' },
  ExportLog: { auditor: 'all' },
} as const satisfies Record<string, Grants>;

export type CommandType =
  | ApplicationCommand['type']
  | ExporterCommand['type']
  | LicenseCommand['type']
  | ControlMeasureCommand['type']
  | AnnouncementCommand['type']
  | ParkedEventCommand['type'];
/** The reads and operations of the HTTP API that are not domain commands. */
export type QueryOperation = keyof (typeof applicationQueries &
  typeof licenseQueries &
  typeof exporterQueries &
  typeof ruleHistoryQueries &
  typeof announcementQueries &
  typeof apiQueries &
  typeof documentOperations &
  typeof preCheckQueries &
  typeof workQueueQueries &
  typeof opsQueries &
  typeof parkedEventQueries &
  typeof adminOperations &
  typeof auditOperations);
export type Operation = CommandType | QueryOperation;

/** The table, flat: every operation, its roles and their data scope. A missing command type does not compile. */
export const permissions: { readonly [O in Operation]: Grants } = {
  ...exporterCommands,
  ...applicationCommands,
  ...licenseCommands,
  ...measureCommands,
  ...announcementCommands,
  ...parkedEventCommands,
  ...applicationQueries,
  ...licenseQueries,
  ...exporterQueries,
  ...ruleHistoryQueries,
  ...announcementQueries,
  ...apiQueries,
  ...documentOperations,
  ...preCheckQueries,
  ...workQueueQueries,
  ...opsQueries,
  ...parkedEventQueries,
  ...adminOperations,
  ...auditOperations,
};

/** The prefix of each refusal's code (`application.forbidden`, `admin.forbidden`, ...), as the deciders always used it. */
const scopes: readonly (readonly [scope: string, group: object, commands: boolean])[] = [
  ['exporter', exporterCommands, true],
  ['application', applicationCommands, true],
  ['license', licenseCommands, true],
  ['control_measure', measureCommands, true],
  ['announcement', announcementCommands, true],
  ['ops', parkedEventCommands, true],
  ['application', applicationQueries, false],
  ['license', licenseQueries, false],
  ['exporter', exporterQueries, false],
  ['rule_history', ruleHistoryQueries, false],
  ['announcement', announcementQueries, false],
  ['openapi', apiQueries, false],
  ['document', documentOperations, false],
  ['pre_check', preCheckQueries, false],
  ['work_queue', workQueueQueries, false],
  ['ops', opsQueries, false],
  ['ops', parkedEventQueries, false],
  ['admin', adminOperations, false],
  ['audit', auditOperations, false],
];
const scopeOf = new Map(
  scopes.flatMap(([scope, group, commands]) => Object.keys(group).map((op) => [op, { scope, commands }] as const)),
);

export const commandTypes = Object.keys({
  ...exporterCommands,
  ...applicationCommands,
  ...licenseCommands,
  ...measureCommands,
  ...announcementCommands,
  ...parkedEventCommands,
}) as CommandType[];
export const operations = Object.keys(permissions) as Operation[];

export function isOperation(name: string): name is Operation {
  return scopeOf.has(name);
}

/** The roles allowed an operation, in the table's order. */
export function allowedRoles(operation: Operation): readonly Role[] {
  return Object.keys(permissions[operation]) as Role[];
}

export function isAllowed(operation: Operation, role: Role): boolean {
  return dataScope(operation, role) !== undefined;
}

/** The data a role reaches with an operation; undefined when the role may not perform it at all. */
export function dataScope(operation: Operation, role: Role): DataScope | undefined {
  return permissions[operation][role];
}

/** `send AcceptApplication` for a command, `get license` for `GetLicense`. */
export function describeOperation(operation: Operation): string {
  if (scopeOf.get(operation)?.commands) return `send ${operation}`;
  return operation.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

/**
 * The refusal deciders and the HTTP guard share: kind `forbidden`, code
 * `<scope>.forbidden`, naming the roles that may. `action` words it for a
 * person ("draft an application"); the default is derived from the name.
 * It checks the role only; the data scope is `inScope`'s.
 */
export function requireRole(operation: Operation, actor: Actor, action: string = describeOperation(operation)): void {
  if (isAllowed(operation, actor.role)) return;
  const allowed = allowedRoles(operation);
  throw new ForbiddenError(
    `${scopeOf.get(operation)?.scope ?? 'request'}.forbidden`,
    `A ${actor.role} may not ${action}; only ${allowed.join(' or ')} may.`,
    { operation, command: action, role: actor.role, allowed },
  );
}
