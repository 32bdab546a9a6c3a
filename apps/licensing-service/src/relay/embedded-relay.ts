import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@licensing/event-store';
import {
  kafkaFromBrokers,
  type LicenseRelay,
  openRelayCheckpointStore,
  type ParkedRelayEvent,
  type RelayCheckpointStore,
  type RelayParkedEventStore,
  type RelayRetryResult,
  type RelayStatus,
  startLicenseRelay,
} from '@licensing/relay';
import { type AppLogger, Metrics } from '@licensing/platform';
import { APP_LOGGER } from '@licensing/workflow';
import { logLevel } from 'kafkajs';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';

type Kafka = ReturnType<typeof kafkaFromBrokers>;

/**
 * The embedded shape: with KAFKA_BROKERS set, the relay runs in the
 * service's own process on the same store, its checkpoint in DATA_DIR.
 * It starts after the read models (bootstrap) and stops before the store
 * closes (before shutdown), so it never reads a closed store.
 */
@Injectable()
export class EmbeddedRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private relay: LicenseRelay | null = null;
  private checkpoints: (RelayCheckpointStore & RelayParkedEventStore) | null = null;
  private kafka: Kafka | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(APP_LOGGER) private readonly appLogger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.KAFKA_BROKERS === undefined) return;
    const brokers = this.config.KAFKA_BROKERS;
    this.checkpoints = openRelayCheckpointStore(join(this.config.DATA_DIR, 'relay.sqlite'));
    // kafkajs writes through the service's logger: JSON lines like the rest.
    this.kafka = kafkaFromBrokers(brokers, 'licensing-service-relay', logLevel.ERROR, this.appLogger);
    this.relay = startLicenseRelay({
      store: this.store,
      kafka: this.kafka,
      checkpoints: this.checkpoints,
      // Dead-lettered events are recorded beside the checkpoint, for GET /ops/parked-events.
      parkedEvents: this.checkpoints,
      parkAfterAttempts: this.config.RELAY_PARK_AFTER_ATTEMPTS,
      topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
      log: this.logger,
      metrics: this.metrics,
    });
    this.logger.log(`Relaying license changes to Kafka at ${brokers.join(',')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.checkpoints?.close();
    this.relay = null;
    this.checkpoints = null;
    this.kafka = null;
  }

  /**
   * The cluster's metadata (`describeCluster`) through the relay's own Kafka
   * client, for readiness: resolves with the brokers it names, rejects when
   * the cluster does not answer. Null when the service runs without Kafka.
   * The caller bounds the time; the admin connection is closed either way.
   */
  async describeCluster(): Promise<{ brokers: number } | null> {
    if (this.kafka === null) return null;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length };
    } finally {
      admin.disconnect().catch(() => undefined);
    }
  }

  /** Null when the service runs without Kafka. */
  status(): RelayStatus | null {
    return this.relay?.status() ?? null;
  }

  /** The events the relay dead-lettered; none when the service runs without Kafka. */
  async parkedEvents(): Promise<ParkedRelayEvent[]> {
    return (await this.relay?.parkedEvents()) ?? [];
  }

  retryParked(position: bigint): Promise<RelayRetryResult> {
    return this.running().retryParked(position);
  }

  skipParked(position: bigint): Promise<void> {
    return this.running().skipParked(position);
  }

  private running(): LicenseRelay {
    if (this.relay === null) throw new Error('The relay does not run in this process (KAFKA_BROKERS is not set)');
    return this.relay;
  }
}
