import { z } from 'zod';
import { parseBrokerList } from './kafka-from-brokers';

/** A comma-separated host:port list, parsed to the broker list kafkajs takes. */
export const KafkaBrokersSetting = z
  .string({ error: 'required: the comma-separated host:port list of the Kafka cluster, e.g. 127.0.0.1:9092' })
  .transform((value, ctx) => {
    try {
      return parseBrokerList(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
