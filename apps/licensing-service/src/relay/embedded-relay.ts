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
  type RelayCheckpointStore,
  type RelayStatus,
  startLicenseRelay,
} from '@licensing/relay';
import { Metrics } from '@licensing/platform';
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
  private checkpoints: RelayCheckpointStore | null = null;
  private kafka: Kafka | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.KAFKA_BROKERS === undefined) return;
    const brokers = this.config.KAFKA_BROKERS;
    this.checkpoints = openRelayCheckpointStore(join(this.config.DATA_DIR, 'relay.sqlite'));
    this.kafka = kafkaFromBrokers(brokers, 'licensing-service-relay');
    this.relay = startLicenseRelay({
      store: this.store,
      kafka: this.kafka,
      checkpoints: this.checkpoints,
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
}
