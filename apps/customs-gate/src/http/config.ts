import { loadSettings, LogSettings, TracingSettings } from '@licensing/platform';
import { HttpEdgeSettings } from '@licensing/workflow';
import { z } from 'zod';

const BrokerAddress = z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'host:port');

/**
 * Gate settings, from the environment. Read once at start; a bad value stops
 * the start with a message naming the variable and what it accepts.
 */
export const GateConfig = z.object({
  /** Comma-separated host:port list; `node infra/kafka/kafka.mjs start` prints one. */
  KAFKA_BROKERS: z
    .string({ error: 'required: the Kafka bootstrap servers, e.g. 127.0.0.1:9092' })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker !== ''),
    )
    .pipe(z.array(BrokerAddress).min(1, 'at least one host:port')),
  GATE_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  /** Loopback by default: exposing the gate is a deployment decision. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Prefix of the consumer group; each running gate adds its own instance id (see startCustomsGate). */
  GATE_GROUP_ID: z.string().min(1).default('customs-gate'),
  /** Prepended to the topic names, for a cluster shared by several environments. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** A fixed "now" (ISO instant), so a demo or test of dates long past or to come gives the same verdicts. */
  CLOCK_FIXED_AT: z.iso.datetime().optional(),
  /** BODY_LIMIT (default 1mb) and CORS_ORIGINS (default none): the same HTTP edge as the licensing service. */
  ...HttpEdgeSettings.shape,
  /** LOG_LEVEL (`debug`, `log`, `warn`, `error`) and LOG_FORMAT (`auto`, `json`, `pretty`), as the licensing service's. */
  ...LogSettings.shape,
  /** OTEL_TRACES_EXPORTER (`none` by default), OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME: each message's handling continues the producer's trace. */
  ...TracingSettings.shape,
});
export type GateConfig = z.infer<typeof GateConfig>;

export function loadGateConfig(env: NodeJS.ProcessEnv = process.env): GateConfig {
  return loadSettings('customs-gate', GateConfig, env);
}
