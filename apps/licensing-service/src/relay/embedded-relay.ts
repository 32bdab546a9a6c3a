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

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.KAFKA_BROKERS === undefined) return;
    const brokers = this.config.KAFKA_BROKERS;
    this.checkpoints = openRelayCheckpointStore(join(this.config.DATA_DIR, 'relay.sqlite'));
    this.relay = startLicenseRelay({
      store: this.store,
      kafka: kafkaFromBrokers(brokers, 'licensing-service-relay'),
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
  }

  /** Null when the service runs without Kafka. */
  status(): RelayStatus | null {
    return this.relay?.status() ?? null;
  }
}
