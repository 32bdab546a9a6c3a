import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { IdInput } from '@licensing/domain';
import { Metrics } from '@licensing/platform';
import { usesLocalIssuer } from '@licensing/identity';
import { DocumentStore, ProjectionRunner } from '@licensing/projections';
import {
  POLICY_HISTORY,
  PathParams,
  PreCheckExport,
  ProblemDetailsFilter,
  rateLimitProviders,
  workflowCommandHandlers,
  announcementProcessProviders,
} from '@licensing/workflow';
import { AdminController } from './admin/admin.controller';
import { AnnouncementsController } from './announcements/announcements.controller';
import { AnnouncementWakeUps } from './announcements/announcement-wake-ups';
import { DecisionAuditController } from './audit/decision-audit.controller';
import { decisionAuditProvider } from './audit/decision-audit.provider';
import { AuditExportController } from './audit/audit-export.controller';
import { BackupRunner } from './backup/backup-runner';
import { BackupsController } from './backup/backups.controller';
import { VerifiableLogController } from './audit/verifiable-log.controller';
import { verifiableLogProviders, VerifiableLogLifecycle } from './audit/verifiable-log.providers';
import { EventLogController } from './audit/event-log.controller';
import { commandControllers } from './commands/command-controllers';
import { DocumentsController } from './documents/documents.controller';
import { documentProviders } from './documents/documents.providers';
import { CommandGateway } from './commands/command-gateway';
import type { ServiceConfig } from './config';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { identityProviders } from './identity/identity.providers';
import { LocalSignInController } from './identity/local-sign-in.controller';
import { WellKnownController } from './identity/well-known.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { OpenApiController } from './openapi/openapi.controller';
import { ExporterViewController } from './queries/exporter-view.controller';
import { LicenseStateController } from './queries/license-state.controller';
import { ShipmentsController } from './queries/shipments.controller';
import { DecisionsController } from './queries/decisions.controller';
import { PreCheckController } from './queries/pre-check.controller';
import { WorkQueuesController } from './work-queues/work-queues.controller';
import { ReadConsistency } from './queries/read-query';
import { ReadModelPolicyHistory } from './queries/read-model-policy-history';
import { LiveTailController } from './ops/live-tail.controller';
import { liveTailsProvider } from './ops/live-tails.provider';
import { ConsumersController } from './relay/consumers.controller';
import { DecideParkedEventHandler } from './parked-events/decide-parked-event';
import { ParkedEvents } from './parked-events/parked-events';
import { ParkedEventsController } from './parked-events/parked-events.controller';
import { RebuildsController } from './rebuilds/rebuilds.controller';
import { EmbeddedRelay } from './relay/embedded-relay';
import { RuleHistoryController } from './rule-history/rule-history.controller';
import { DueEventScheduler } from './scheduler/due-event-scheduler';

@Module({})
export class AppModule {
  /** `metrics`: the service's own Prometheus registry, served at GET /metrics (the HTTP edge records into it too). */
  static forRoot(config: ServiceConfig, metrics: Metrics = new Metrics()): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config, metrics), CqrsModule.forRoot()],
      controllers: [
        HealthController,
        MetricsController,
        OpenApiController,
        RuleHistoryController,
        AnnouncementsController,
        LicenseStateController,
        ShipmentsController,
        DecisionsController,
        ExporterViewController,
        PreCheckController,
        WorkQueuesController,
        DocumentsController,
        AdminController,
        ConsumersController,
        ParkedEventsController,
        RebuildsController,
        BackupsController,
        LiveTailController,
        DecisionAuditController,
        EventLogController,
        VerifiableLogController,
        AuditExportController,
        ...commandControllers,
        // The local issuer's public keys, only when the service is its own issuer.
        ...(usesLocalIssuer(config) ? [WellKnownController] : []),
        // ...and its sign-in for the console (authorization code + PKCE), likewise.
        ...(usesLocalIssuer(config) ? [LocalSignInController] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Every path id is an id of the command schemas: at most 128 characters of a safe set (400 otherwise).
        { provide: APP_PIPE, useValue: new PathParams({ id: IdInput, measureId: IdInput, streamId: IdInput }) },
        ...rateLimitProviders({
          perSubjectPerMinute: config.RATE_LIMIT_PER_MINUTE,
          perAddressPerMinute: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        }),
        // Who is acting: verified bearer tokens (AUTH_* settings), behind the ActorGuard's ACTOR_RESOLVER.
        ...identityProviders(config),
        {
          provide: POLICY_HISTORY,
          useFactory: (projections: ProjectionRunner, documents: DocumentStore) =>
            new ReadModelPolicyHistory(projections, documents),
          inject: [ProjectionRunner, DocumentStore],
        },
        // Document bytes by SHA-256 under DATA_DIR/documents (uploads, the documents commands name).
        ...documentProviders(config),
        ...workflowCommandHandlers,
        // The process manager that applies announcements' acts, and what wakes it (ANNOUNCEMENT_ACTS).
        ...announcementProcessProviders,
        AnnouncementWakeUps,
        CommandGateway,
        PreCheckExport,
        ReadConsistency,
        // The Merkle tree over $all, its signed tree heads and proofs (LOG_PROOFS for the decision audit).
        ...verifiableLogProviders,
        VerifiableLogLifecycle,
        decisionAuditProvider,
        DueEventScheduler,
        EmbeddedRelay,
        // Events the read models and the relay parked; ops retry or skip them with an audited command.
        ParkedEvents,
        DecideParkedEventHandler,
        BackupRunner,
        liveTailsProvider,
      ],
    };
  }
}
