import { openConfiguredEventStore } from '@licensing/eventstoredb';
import { type AppLogger, Metrics } from '@licensing/platform';
import { APP_LOGGER, CLOCK, type Clock, CommandRunner, ProblemDetailsFilter, systemClock } from '@licensing/workflow';
import { APP_FILTER } from '@nestjs/core';
import { logLevel } from 'kafkajs';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@licensing/event-store';
import { join } from 'node:path';
import {
  kafkaFromBrokers,
  type LicenseRelay,
  openRelayCheckpointStore,
  type RelayCheckpointStore,
  type RelayParkedEventStore,
  startLicenseRelay,
} from '@licensing/relay';
import type { RelayConfig } from './relay-config';
import { relayIdentityProviders } from './relay-identity.providers';
import { RelayMetricsController } from './relay-metrics.controller';
import { RelayParkedEvents } from './relay-parked-events';
import { RelayParkedEventsController } from './relay-parked-events.controller';
import { RelayStatusController } from './relay-status.controller';
import { LICENSE_RELAY, RELAY_CHECKPOINTS, RELAY_CONFIG, RELAY_EVENT_STORE } from './tokens';

/** Stops the relay before closing what it reads and writes, so its last batch can still be checkpointed. */
class RelayLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(LICENSE_RELAY) private readonly relay: LicenseRelay,
    @Inject(RELAY_EVENT_STORE) private readonly store: EventStore,
    @Inject(RELAY_CHECKPOINTS) private readonly checkpoints: RelayCheckpointStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.store.close();
    await this.checkpoints.close();
  }
}

@Module({})
export class RelayModule {
  /** `metrics`: the relay process's own Prometheus registry, served at GET /metrics. */
  static forRoot(config: RelayConfig, metrics: Metrics = new Metrics()): DynamicModule {
    return {
      module: RelayModule,
      controllers: [RelayStatusController, RelayMetricsController, RelayParkedEventsController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Who is acting on parked events: bearer tokens, as the service verifies them (AUTH_*).
        ...relayIdentityProviders(config),
        { provide: CLOCK, useValue: systemClock },
        // Ops' decisions on parked events are commands in the store this relay reads, as the service records them.
        {
          provide: CommandRunner,
          useFactory: (store: EventStore, clock: Clock) => new CommandRunner(store, clock, metrics),
          inject: [RELAY_EVENT_STORE, CLOCK],
        },
        {
          provide: RelayParkedEvents,
          useFactory: (relay: LicenseRelay) => new RelayParkedEvents(relay),
          inject: [LICENSE_RELAY],
        },
        { provide: RELAY_CONFIG, useValue: config },
        { provide: Metrics, useValue: metrics },
        { provide: RELAY_EVENT_STORE, useFactory: () => openConfiguredEventStore(config) },
        {
          provide: RELAY_CHECKPOINTS,
          useFactory: () => openRelayCheckpointStore(join(config.DATA_DIR, 'relay.sqlite')),
        },
        {
          provide: LICENSE_RELAY,
          useFactory: (
            store: EventStore,
            checkpoints: RelayCheckpointStore & RelayParkedEventStore,
            logger: AppLogger,
          ) =>
            startLicenseRelay({
              store,
              checkpoints,
              // Dead-lettered events are recorded beside the checkpoint, for GET /relay/parked-events.
              parkedEvents: checkpoints,
              parkAfterAttempts: config.RELAY_PARK_AFTER_ATTEMPTS,
              // kafkajs writes through the app's logger: JSON lines like the rest.
              kafka: kafkaFromBrokers(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, logLevel.ERROR, logger),
              relayName: config.RELAY_NAME,
              topicPrefix: config.KAFKA_TOPIC_PREFIX,
              maxBatchEvents: config.RELAY_BATCH_EVENTS,
              maxBatchBytes: config.RELAY_BATCH_BYTES,
              log: new Logger('LicenseRelay'),
              metrics,
            }),
          inject: [RELAY_EVENT_STORE, RELAY_CHECKPOINTS, APP_LOGGER],
        },
        RelayLifecycle,
      ],
    };
  }
}
