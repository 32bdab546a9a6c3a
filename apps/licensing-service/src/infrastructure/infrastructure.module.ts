import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { readModelProjections, DocumentStore, ProjectionRunner } from '@licensing/projections';
import { commitMetrics, type EventStore } from '@licensing/event-store';
import { Metrics } from '@licensing/platform';
import {
  CLOCK,
  CommandRunner,
  IDEMPOTENCY_STORE,
  IdempotencyPruner,
  ManualClock,
  PUBLIC_HOLIDAYS,
  seedPolicyHistory,
  SqliteIdempotencyStore,
  systemClock,
  type Clock,
} from '@licensing/workflow';
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { openEventStore } from './open-event-store';
import { readPublicHolidays } from './public-holidays-file';
import { openReadDatabase } from './read-database';
import { EVENT_STORE, IDEMPOTENCY_DATABASE, READ_DATABASE, SERVICE_CONFIG } from './tokens';

/** Seeds the policy history, starts the read models, and closes everything on shutdown. */
class Lifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DATABASE) private readonly readDatabase: Database.Database,
    @Inject(IDEMPOTENCY_DATABASE) private readonly idempotencyDatabase: Database.Database,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(IdempotencyPruner) private readonly idempotencyPruner: IdempotencyPruner,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.SEED_POLICY) {
      const report = await seedPolicyHistory(this.store);
      this.logger.log(
        `Policy history seeded: ${report.events} events in ${report.streams} measure and announcement streams (idempotent)`,
      );
    }
    await this.projections.start();
    this.logger.log('Read models caught up');
    // Past IDEMPOTENCY_RETENTION_HOURS: pruned now, then hourly (an unref'd timer).
    await this.idempotencyPruner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idempotencyPruner.stop();
    await this.projections.stop();
    await this.store.close();
    this.readDatabase.close();
    this.idempotencyDatabase.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ServiceConfig, metrics: Metrics): DynamicModule {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const providers = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: CLOCK, useValue: config.CLOCK_FIXED_AT ? new ManualClock(config.CLOCK_FIXED_AT) : systemClock },
      // The review clock's and the deadlines-due queue's holidays (PUBLIC_HOLIDAYS_FILE; none by default).
      { provide: PUBLIC_HOLIDAYS, useValue: readPublicHolidays(config.PUBLIC_HOLIDAYS_FILE) },
      // This service's own Prometheus registry (never prom-client's global one), served at GET /metrics.
      { provide: Metrics, useValue: metrics },
      {
        provide: EVENT_STORE,
        useFactory: (metrics: Metrics) => openEventStore(config, commitMetrics(metrics)),
        inject: [Metrics],
      },
      { provide: READ_DATABASE, useFactory: () => openReadDatabase(join(config.DATA_DIR, 'read-models.sqlite')) },
      { provide: DocumentStore, useFactory: (db: Database.Database) => new DocumentStore(db), inject: [READ_DATABASE] },
      // Its own file: read models are disposable (delete to rebuild), remembered responses are not.
      {
        provide: IDEMPOTENCY_DATABASE,
        useFactory: () => openReadDatabase(join(config.DATA_DIR, 'idempotency.sqlite')),
      },
      {
        provide: IDEMPOTENCY_STORE,
        useFactory: (db: Database.Database, clock: Clock) =>
          new SqliteIdempotencyStore(db, { retentionHours: config.IDEMPOTENCY_RETENTION_HOURS, clock }),
        inject: [IDEMPOTENCY_DATABASE, CLOCK],
      },
      {
        provide: IdempotencyPruner,
        useFactory: (store: SqliteIdempotencyStore) => {
          const logger = new Logger('Idempotency');
          return new IdempotencyPruner(store, {
            log: (message) => logger.log(message),
            warn: (message) => logger.warn(message),
          });
        },
        inject: [IDEMPOTENCY_STORE],
      },
      {
        provide: CommandRunner,
        useFactory: (store: EventStore, clock: Clock, metrics: Metrics) => new CommandRunner(store, clock, metrics),
        inject: [EVENT_STORE, CLOCK, Metrics],
      },
      {
        provide: ProjectionRunner,
        useFactory: (store: EventStore, documents: DocumentStore, clock: Clock, metrics: Metrics) =>
          new ProjectionRunner(store, documents, readModelProjections(), {
            now: () => clock.now(),
            log: (message) => new Logger('Projections').warn(message),
            metrics,
            parkAfterAttempts: config.PROJECTION_PARK_AFTER_ATTEMPTS,
          }),
        inject: [EVENT_STORE, DocumentStore, CLOCK, Metrics],
      },
      Lifecycle,
    ];
    return {
      module: InfrastructureModule,
      providers,
      exports: [
        SERVICE_CONFIG,
        Metrics,
        CLOCK,
        PUBLIC_HOLIDAYS,
        EVENT_STORE,
        READ_DATABASE,
        DocumentStore,
        IDEMPOTENCY_STORE,
        CommandRunner,
        ProjectionRunner,
      ],
    };
  }
}
