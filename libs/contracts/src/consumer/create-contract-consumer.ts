import type { Consumer, ConsumerConfig, Kafka, Logger } from 'kafkajs';
import { inConsumerSpan } from './consumer-tracing';
import { InMemoryDedupeStore, type DedupeStore } from './dedupe-store';
import { type ContractHandlers, handleContractMessage, type InvalidMessageHandler } from './handle-contract-message';

export interface ContractConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  /** Topic names, usually from `Topics`. */
  readonly topics: readonly string[];
  readonly handlers: ContractHandlers;
  /** Default: an in-memory store (lost on restart; see DedupeStore for exactly-once). */
  readonly dedupe?: DedupeStore;
  /** Default: none, so an invalid message stops its partition until fixed (see README). */
  readonly onInvalid?: InvalidMessageHandler;
  /**
   * Where a new consumer group starts. Default true: a new group reads all
   * that is retained, which for the compacted state topic is every license.
   */
  readonly fromBeginning?: boolean;
  /** Extra kafkajs consumer settings (session timeout, retry…). */
  readonly consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  /** Default: the Kafka client's logger. */
  readonly logger?: Logger;
}

export interface ContractConsumer {
  /** Connects, subscribes and starts handling; resolves once the consumer runs. */
  start(): Promise<void>;
  /** Leaves the group after the message in hand, committing what was handled. */
  stop(): Promise<void>;
}

/**
 * A kafkajs consumer that hands typed, validated, de-duplicated messages to
 * `handlers`. One message at a time per partition, so per-key order holds;
 * offsets commit only after `handleContractMessage` resolved. A message's
 * W3C `traceparent` header makes its handling part of the producer's trace.
 */
export function createContractConsumer(options: ContractConsumerOptions): ContractConsumer {
  const logger = options.logger ?? options.kafka.logger();
  const dedupe = options.dedupe ?? new InMemoryDedupeStore();
  let consumer: Consumer | null = null;

  return {
    async start() {
      if (consumer !== null) throw new Error(`Contract consumer ${options.groupId} is already started`);
      const started = options.kafka.consumer({ ...options.consumerConfig, groupId: options.groupId });
      consumer = started;
      await started.connect();
      await started.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
      await started.run({
        autoCommit: true,
        eachMessage: async (payload) => {
          try {
            // With tracing on, the handling is a span continuing the producer's trace (its traceparent header).
            const outcome = await inConsumerSpan(payload, options.groupId, () =>
              handleContractMessage(payload, { handlers: options.handlers, dedupe, onInvalid: options.onInvalid }),
            );
            if (outcome.status === 'unknown-type') {
              logger.warn('Skipped a message of a type this contracts package does not know', {
                ...outcome,
                topic: payload.topic,
              });
            } else if (outcome.status === 'invalid-dealt-with') {
              logger.warn('An invalid message was handed to onInvalid', {
                code: outcome.error.code,
                error: outcome.error.message,
              });
            }
          } catch (error) {
            logger.error('Message not handled; its offset stays uncommitted and it will be redelivered', {
              topic: payload.topic,
              partition: payload.partition,
              offset: payload.message.offset,
              error: (error as Error).message,
            });
            throw error;
          }
        },
      });
    },
    async stop() {
      const running = consumer;
      consumer = null;
      if (running !== null) await running.disconnect();
    },
  };
}
