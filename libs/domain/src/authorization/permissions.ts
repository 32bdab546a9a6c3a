import type { ApplicationCommand } from '../application/application-commands';
import type { ExporterCommand } from '../exporter/exporter-commands';
import type { LicenseCommand } from '../license/license-commands';
import type { ControlMeasureCommand } from '../policy/measure-commands';
import { ForbiddenError } from '../shared/errors';
import type { Actor, Role } from '../shared/metadata';

/**
 * Who may do what: the one authorization table. The deciders enforce the
 * command rows, the HTTP guard enforces every row before a handler runs, and
 * the OpenAPI document lists them, so the three cannot drift apart.
 *
 * Deliberately outside the table, public to anyone without an actor:
 * GET /health/live, GET /health/ready (probes know no user) and
 * GET /openapi.json (a client reads it before it knows who it is).
 */

const EXPORTER = ['exporter'] as const;
const OFFICER = ['licensing_officer'] as const;
const SYSTEM = ['system'] as const;
/** Everyone who works a case, or checks it afterwards. */
const CASE_READERS = ['exporter', 'licensing_officer', 'reviewer', 'auditor'] as const;
/** The law as recorded is public knowledge to every person using the system. */
const HUMANS = ['exporter', 'licensing_officer', 'reviewer', 'policy_officer', 'auditor'] as const;

const exporterCommands = {
  RegisterExporter: ['exporter', 'licensing_officer'],
  CertifyComplianceProgramme: OFFICER,
  QualifyForGeneralLicenses: OFFICER,
  DisqualifyFromGeneralLicenses: OFFICER,
  PenaliseExporter: OFFICER,
} as const satisfies Record<ExporterCommand['type'], readonly Role[]>;

const applicationCommands = {
  DraftApplication: EXPORTER,
  ReviseDraft: EXPORTER,
  SubmitApplication: EXPORTER,
  AcceptApplication: OFFICER,
  RequestDocuments: OFFICER,
  SupplyDocuments: EXPORTER,
  AssignReviewer: OFFICER,
  CompleteReview: ['reviewer'],
  ApproveApplication: OFFICER,
  RejectApplication: OFFICER,
  WithdrawApplication: EXPORTER,
  // The scheduler, acting as the system, records a review deadline that passed.
  MarkReviewDeadlineMissed: SYSTEM,
} as const satisfies Record<ApplicationCommand['type'], readonly Role[]>;

const licenseCommands = {
  IssueLicense: OFFICER,
  // The system: customs systems report shipments too.
  RecordShipment: ['exporter', 'system'],
  AmendLicense: OFFICER,
  SuspendLicense: OFFICER,
  ReinstateLicense: OFFICER,
  RevokeLicense: OFFICER,
  // The scheduler, acting as the system, records an expiry that is due.
  ExpireLicense: SYSTEM,
} as const satisfies Record<LicenseCommand['type'], readonly Role[]>;

// The system: the seeder records the real policy history as `seed` (system).
const POLICY = ['policy_officer', 'system'] as const;
const measureCommands = {
  PublishMeasure: POLICY,
  AmendMeasure: POLICY,
  SuspendMeasure: POLICY,
  ExtendSuspension: POLICY,
  LiftSuspension: POLICY,
  RepealMeasure: POLICY,
  RecordCorrection: POLICY,
} as const satisfies Record<ControlMeasureCommand['type'], readonly Role[]>;

const applicationQueries = {
  ListApplications: CASE_READERS,
  GetApplication: CASE_READERS,
  ReplayDecision: ['licensing_officer', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;
const licenseQueries = { ListLicenses: CASE_READERS, GetLicense: CASE_READERS } as const satisfies Record<
  string,
  readonly Role[]
>;
const exporterQueries = { GetExporter: CASE_READERS } as const satisfies Record<string, readonly Role[]>;
const ruleHistoryQueries = {
  ListMeasures: HUMANS,
  GetMeasureHistory: HUMANS,
  ListPolicyChanges: HUMANS,
} as const satisfies Record<string, readonly Role[]>;
// No ops role yet: officers and auditors watch the consumers, and so may the system.
const opsQueries = { ListConsumers: ['licensing_officer', 'auditor', 'system'] } as const satisfies Record<
  string,
  readonly Role[]
>;
const adminOperations = { RebuildReadModels: SYSTEM, RunScheduler: SYSTEM } as const satisfies Record<
  string,
  readonly Role[]
>;

export type CommandType =
  ApplicationCommand['type'] | ExporterCommand['type'] | LicenseCommand['type'] | ControlMeasureCommand['type'];
/** The reads and operations of the HTTP API that are not domain commands. */
export type QueryOperation = keyof (typeof applicationQueries &
  typeof licenseQueries &
  typeof exporterQueries &
  typeof ruleHistoryQueries &
  typeof opsQueries &
  typeof adminOperations);
export type Operation = CommandType | QueryOperation;

/** The table, flat: every operation and the roles allowed to perform it. A missing command type does not compile. */
export const permissions: { readonly [O in Operation]: readonly Role[] } = {
  ...exporterCommands,
  ...applicationCommands,
  ...licenseCommands,
  ...measureCommands,
  ...applicationQueries,
  ...licenseQueries,
  ...exporterQueries,
  ...ruleHistoryQueries,
  ...opsQueries,
  ...adminOperations,
};

/** The prefix of each refusal's code (`application.forbidden`, `admin.forbidden`, ...), as the deciders always used it. */
const scopes: readonly (readonly [scope: string, group: object, commands: boolean])[] = [
  ['exporter', exporterCommands, true],
  ['application', applicationCommands, true],
  ['license', licenseCommands, true],
  ['control_measure', measureCommands, true],
  ['application', applicationQueries, false],
  ['license', licenseQueries, false],
  ['exporter', exporterQueries, false],
  ['rule_history', ruleHistoryQueries, false],
  ['ops', opsQueries, false],
  ['admin', adminOperations, false],
];
const scopeOf = new Map(
  scopes.flatMap(([scope, group, commands]) => Object.keys(group).map((op) => [op, { scope, commands }] as const)),
);

export const commandTypes = Object.keys({
  ...exporterCommands,
  ...applicationCommands,
  ...licenseCommands,
  ...measureCommands,
}) as CommandType[];
export const operations = Object.keys(permissions) as Operation[];

export function isOperation(name: string): name is Operation {
  return scopeOf.has(name);
}

export function allowedRoles(operation: Operation): readonly Role[] {
  return permissions[operation];
}

export function isAllowed(operation: Operation, role: Role): boolean {
  return permissions[operation].includes(role);
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
 */
export function requireRole(operation: Operation, actor: Actor, action: string = describeOperation(operation)): void {
  const allowed = permissions[operation];
  if (allowed.includes(actor.role)) return;
  throw new ForbiddenError(
    `${scopeOf.get(operation)?.scope ?? 'request'}.forbidden`,
    `A ${actor.role} may not ${action}; only ${allowed.join(' or ')} may.`,
    { operation, command: action, role: actor.role, allowed },
  );
}
