import { createContractConsumer, type DedupeStore, Topics } from '@licensing/contracts';
import type { Kafka, Logger } from 'kafkajs';
import { type BookOutcome, GateLicenseBook } from '../gate/gate-license-book';
import { gateHandlers } from './gate-handlers';

export interface CustomsGateOptions {
  readonly kafka: Kafka;
  /**
   * The book lives in memory, so each running gate needs its own group: a
   * new group reads the compacted topic from its beginning (every license),
   * and a shared group would split the partitions, leaving each instance
   * with part of the licenses. main.ts adds an instance id for that reason.
   */
  readonly groupId: string;
  /** Prepended to the topic name, for a cluster shared by several environments. Default none. */
  readonly topicPrefix?: string;
  /** Default: the consumer kit's in-memory store. The book's newer-wins rule makes duplicates harmless anyway. */
  readonly dedupe?: DedupeStore;
  readonly logger?: Logger;
  /** Called with what each snapshot did to the book, for metrics and tests. */
  readonly onOutcome?: (outcome: BookOutcome) => void;
}

export interface CustomsGateStats {
  readonly applied: number;
  readonly stale: number;
}

export interface CustomsGate {
  readonly book: GateLicenseBook;
  readonly topic: string;
  /** How many snapshots changed the book, and how many were redeliveries or late arrivals. */
  stats(): CustomsGateStats;
  stop(): Promise<void>;
}

/** Starts following the license-state topic; resolves once the consumer runs. */
export async function startCustomsGate(options: CustomsGateOptions): Promise<CustomsGate> {
  const book = new GateLicenseBook();
  const topic = `${options.topicPrefix ?? ''}${Topics.licenseState}`;
  let applied = 0;
  let stale = 0;
  const count = (outcome: BookOutcome) => {
    if (outcome.outcome === 'applied') applied += 1;
    else stale += 1;
    options.onOutcome?.(outcome);
  };
  const consumer = createContractConsumer({
    kafka: options.kafka,
    groupId: options.groupId,
    topics: [topic],
    handlers: gateHandlers(book, count),
    fromBeginning: true,
    ...(options.dedupe === undefined ? {} : { dedupe: options.dedupe }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  try {
    await consumer.start();
  } catch (error) {
    // A half-started consumer still holds connections; release them before reporting.
    await consumer.stop().catch(() => undefined);
    throw error;
  }
  return {
    book,
    topic,
    stats: () => ({ applied, stale }),
    stop: () => consumer.stop(),
  };
}
