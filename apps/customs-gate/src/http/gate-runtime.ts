import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type AppLogger, kafkaLogCreator, kafkaLogLevelFor } from '@licensing/platform';
import { APP_LOGGER } from '@licensing/workflow';
import { Kafka, logLevel } from 'kafkajs';
import type { GateLicenseBook } from '../gate/gate-license-book';
import { type CustomsGate, type CustomsGateStats, startCustomsGate } from '../kafka/start-customs-gate';
import type { GateConfig } from './config';
import { GATE_CONFIG, GATE_GROUP } from './tokens';

/** Runs the Kafka side for the app: started before the HTTP port opens, stopped on shutdown. */
@Injectable()
export class GateRuntime implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CustomsGate');
  private gate: CustomsGate | null = null;

  constructor(
    @Inject(GATE_CONFIG) private readonly config: GateConfig,
    @Inject(GATE_GROUP) readonly groupId: string,
    @Inject(APP_LOGGER) private readonly appLogger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    // kafkajs writes through the gate's logger: JSON lines like the rest.
    const kafka = new Kafka({
      clientId: 'customs-gate',
      brokers: this.config.KAFKA_BROKERS,
      logLevel: kafkaLogLevelFor(this.appLogger, logLevel.WARN),
      logCreator: kafkaLogCreator(this.appLogger),
    });
    this.gate = await startCustomsGate({ kafka, groupId: this.groupId, topicPrefix: this.config.KAFKA_TOPIC_PREFIX });
    this.logger.log(`Following ${this.gate.topic} as consumer group ${this.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const gate = this.gate;
    this.gate = null;
    if (gate === null) return;
    // Leaving the group waits for the fetch in flight (up to kafkajs' maxWaitTime, 5 s).
    await gate.stop();
    this.logger.log(`Left consumer group ${this.groupId}`);
  }

  get book(): GateLicenseBook {
    return this.running().book;
  }

  stats(): CustomsGateStats & { readonly licenses: number } {
    const gate = this.running();
    return { ...gate.stats(), licenses: gate.book.size };
  }

  private running(): CustomsGate {
    if (this.gate === null) throw new Error('The customs gate is not running (starting or shut down).');
    return this.gate;
  }
}
