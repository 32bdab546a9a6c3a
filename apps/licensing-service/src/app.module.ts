import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DocumentStore, ProjectionRunner } from '@licensing/projections';
import {
  ACTOR_RESOLVER,
  HeaderActorResolver,
  POLICY_HISTORY,
  ProblemDetailsFilter,
  workflowCommandHandlers,
} from '@licensing/workflow';
import { AdminController } from './admin/admin.controller';
import { commandControllers } from './commands/command-controllers';
import { CommandGateway } from './commands/command-gateway';
import type { ServiceConfig } from './config';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { OpenApiController } from './openapi/openapi.controller';
import { ExporterViewController } from './queries/exporter-view.controller';
import { LicenseStateController } from './queries/license-state.controller';
import { ReadConsistency } from './queries/read-query';
import { ReadModelPolicyHistory } from './queries/read-model-policy-history';
import { ConsumersController } from './relay/consumers.controller';
import { EmbeddedRelay } from './relay/embedded-relay';
import { RuleHistoryController } from './rule-history/rule-history.controller';
import { DueEventScheduler } from './scheduler/due-event-scheduler';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config), CqrsModule.forRoot()],
      controllers: [
        HealthController,
        OpenApiController,
        RuleHistoryController,
        LicenseStateController,
        ExporterViewController,
        AdminController,
        ConsumersController,
        ...commandControllers,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // The one place a deployment swaps in verified tokens.
        { provide: ACTOR_RESOLVER, useClass: HeaderActorResolver },
        {
          provide: POLICY_HISTORY,
          useFactory: (projections: ProjectionRunner, documents: DocumentStore) =>
            new ReadModelPolicyHistory(projections, documents),
          inject: [ProjectionRunner, DocumentStore],
        },
        ...workflowCommandHandlers,
        CommandGateway,
        ReadConsistency,
        DueEventScheduler,
        EmbeddedRelay,
      ],
    };
  }
}
