import type { LicenseStatusOnDate } from '@licensing/domain';
import type { z } from 'zod';
import type { AdminController } from '../admin/admin.controller';
import type { AnnouncementsController } from '../announcements/announcements.controller';
import type { DecisionAuditController } from '../audit/decision-audit.controller';
import type { DocumentsController } from '../documents/documents.controller';
import type { BackupsController } from '../backup/backups.controller';
import type { ExportLine } from '@licensing/audit';
import type { EventLogController } from '../audit/event-log.controller';
import type { VerifiableLogController, VerifyLine } from '../audit/verifiable-log.controller';
import type { outcomeBody } from '../commands/command-gateway';
import type { HealthController } from '../health/health.controller';
import type { LocalSignInController } from '../identity/local-sign-in.controller';
import type { WellKnownController } from '../identity/well-known.controller';
import type { ExporterViewController } from '../queries/exporter-view.controller';
import type { LicenseStateController } from '../queries/license-state.controller';
import type { PreCheckController } from '../queries/pre-check.controller';
import type { DecisionsController } from '../queries/decisions.controller';
import type { ShipmentsController } from '../queries/shipments.controller';
import type { WorkQueuesController } from '../work-queues/work-queues.controller';
import type { LiveTailMessage } from '../ops/sse-stream';
import type { ConsumersController } from '../relay/consumers.controller';
import type { decisionBody, ParkedEventsController } from '../parked-events/parked-events.controller';
import type { RebuildsController } from '../rebuilds/rebuilds.controller';
import type { RuleHistoryController } from '../rule-history/rule-history.controller';
import type * as Schemas from './response-schemas';

/*
 * Compile-time only (nothing imports this file): each documented response
 * schema against the type its handler returns. `Same` holds when every
 * value of one is a value of the other, both ways, so a field added to,
 * dropped from or retyped in a read model's view fails `tsc` until the
 * schema in response-schemas.ts says the same.
 */

/** Readonly or not is no difference on the wire. */
type Plain<T> = T extends readonly (infer U)[]
  ? readonly Plain<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Same<A, B> = [Plain<A>] extends [Plain<B>] ? ([Plain<B>] extends [Plain<A>] ? true : false) : false;
/** The schema allows only values of the handler's type (where the type is wider than what the handler sends). */
type Fits<Schema, Handler> = [Plain<Schema>] extends [Plain<Handler>] ? true : false;
type Assert<T extends true> = T;

type Out<Name extends keyof typeof Schemas> = (typeof Schemas)[Name] extends z.ZodType
  ? z.output<(typeof Schemas)[Name]>
  : never;
type Answer<Controller, Method extends keyof Controller> = Controller[Method] extends (...args: never[]) => infer R
  ? Awaited<R>
  : never;

/** An issued license is never `none` on any date; the type of licenseStatusOn allows it for a stream never issued. */
type Issued<T extends { status: LicenseStatusOnDate }> = Omit<T, 'status'> & {
  status: Exclude<LicenseStatusOnDate, 'none'>;
};
type IssuedLicenses<T extends { licenses: readonly { status: LicenseStatusOnDate }[] }> = Omit<T, 'licenses'> & {
  licenses: Issued<T['licenses'][number]>[];
};

export type ResponseTypesAgree = [
  Assert<Same<Out<'CommandOutcome'>, ReturnType<typeof outcomeBody>>>,
  Assert<Same<Out<'ApplicationView'>, Answer<LicenseStateController, 'application'>>>,
  Assert<Same<Out<'ApplicationsOnDate'>, Answer<LicenseStateController, 'applications'>>>,
  Assert<Same<Out<'DecisionReplay'>, Answer<DecisionAuditController, 'replay'>>>,
  Assert<Same<Out<'DecisionWhatIf'>, Answer<DecisionAuditController, 'whatIf'>>>,
  Assert<Same<Out<'AmendmentDecisionReplay'>, Answer<DecisionAuditController, 'replayAmendment'>>>,
  Assert<Same<Out<'AmendmentDecisionWhatIf'>, Answer<DecisionAuditController, 'whatIfAmendment'>>>,
  Assert<Same<Out<'DecisionsUsingMeasure'>, Answer<DecisionAuditController, 'decisionsByMeasure'>>>,
  Assert<Same<Out<'LicenseView'>, Issued<Answer<LicenseStateController, 'license'>>>>,
  Assert<
    Same<
      Out<'LicensesOnDate'>,
      { asOf: string; licenses: Issued<Answer<LicenseStateController, 'license'>>[] } & Omit<
        Answer<LicenseStateController, 'licenses'>,
        'licenses'
      >
    >
  >,
  Assert<Same<Out<'ShipmentsPage'>, Answer<ShipmentsController, 'shipments'>>>,
  Assert<Same<Out<'DecisionsPage'>, Answer<DecisionsController, 'decisions'>>>,
  Assert<Same<Out<'PreCheckAnswer'>, Answer<PreCheckController, 'check'>>>,
  Assert<Same<Out<'ApplicationQueuePage'>, Answer<WorkQueuesController, 'applications'>>>,
  Assert<
    Same<
      Out<'LicenseQueuePage'>,
      Omit<Answer<WorkQueuesController, 'licenses'>, 'items'> & {
        items: Issued<Answer<WorkQueuesController, 'licenses'>['items'][number]>[];
      }
    >
  >,
  Assert<Same<Out<'StoredDocument'>, Answer<DocumentsController, 'upload'>>>,
  Assert<Same<Out<'ExporterView'>, IssuedLicenses<Answer<ExporterViewController, 'exporter'>>>>,
  Assert<Same<Out<'ExportersPage'>, Answer<ExporterViewController, 'exporterList'>>>,
  Assert<Same<Out<'MeasuresOnDate'>, Answer<RuleHistoryController, 'measures'>>>,
  Assert<Same<Out<'MeasureHistory'>, Answer<RuleHistoryController, 'history'>>>,
  Assert<Same<Out<'PolicyChanges'>, Answer<RuleHistoryController, 'changes'>>>,
  Assert<Same<Out<'Announcements'>, Answer<AnnouncementsController, 'list'>>>,
  Assert<Same<Out<'AnnouncementView'>, Answer<AnnouncementsController, 'get'>>>,
  Assert<Same<Out<'Consumers'>, Answer<ConsumersController, 'consumers'>>>,
  Assert<Same<Out<'ParkedEventList'>, Answer<ParkedEventsController, 'list'>>>,
  // Retry and skip answer a CommandResponse whose body is decisionBody's.
  Assert<Same<Out<'ParkedEventDecision'>, ReturnType<typeof decisionBody>>>,
  Assert<Same<Out<'CreatedBackup'>, Answer<BackupsController, 'create'>>>,
  Assert<Same<Out<'BackupListing'>, Answer<BackupsController, 'list'>>>,
  Assert<Same<Out<'Rebuild'>, Answer<AdminController, 'rebuild'>>>,
  Assert<Same<Out<'Rebuild'>, Answer<RebuildsController, 'one'>>>,
  Assert<Same<Out<'RebuildList'>, Answer<RebuildsController, 'list'>>>,
  Assert<Same<Out<'SchedulerReport'>, Answer<AdminController, 'runScheduler'>>>,
  Assert<Same<Out<'StreamEventsPage'>, Answer<EventLogController, 'streamEvents'>>>,
  Assert<Same<Out<'EventLogPage'>, Answer<EventLogController, 'events'>>>,
  Assert<Same<Omit<Out<'AggregateStateAt'>, 'state'>, Omit<Answer<EventLogController, 'state'>, 'state'>>>,
  // The state is the domain's own type per aggregate; the schema says only that each has a status.
  Assert<Fits<Answer<EventLogController, 'state'>['state'], Out<'AggregateStateAt'>['state']>>,
  Assert<Same<Out<'SignedTreeHead'>, Answer<VerifiableLogController, 'latest'>>>,
  Assert<Same<Out<'SignedTreeHead'>, Answer<VerifiableLogController, 'sign'>>>,
  Assert<Same<Out<'TreeHeadsPage'>, Answer<VerifiableLogController, 'history'>>>,
  Assert<Same<Out<'LogPublicKey'>, Answer<VerifiableLogController, 'publicKey'>>>,
  Assert<Same<Out<'InclusionProof'>, Answer<VerifiableLogController, 'inclusion'>>>,
  Assert<Same<Out<'ConsistencyProof'>, Answer<VerifiableLogController, 'consistency'>>>,
  // The NDJSON answers, one line each: what the verify handler writes, and the export format's lines.
  Assert<Same<Out<'LogVerificationLine'>, VerifyLine>>,
  Assert<Same<Out<'AuditExportLine'>, ExportLine>>,
  // The live tail's Server-Sent Events, one message each, as the stream writes them.
  Assert<Same<Out<'LiveTailMessage'>, LiveTailMessage>>,
  // Literal answers the handlers' types widen to string.
  Assert<Fits<Out<'Liveness'>, Answer<HealthController, 'live'>>>,
  Assert<Fits<Out<'Readiness'>, Answer<HealthController, 'ready'>>>,
  Assert<Fits<Out<'JsonWebKeySet'>, Answer<WellKnownController, 'jwks'>>>,
  Assert<Same<Out<'OpenIdConfiguration'>, Answer<WellKnownController, 'openIdConfiguration'>>>,
  Assert<Same<Out<'SignInRedirect'>, Answer<LocalSignInController, 'signIn'>>>,
];
