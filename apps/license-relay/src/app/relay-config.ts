import { EventStoreSettings, requireConnectionString } from '@licensing/eventstoredb';
import { checkIdentitySettings, IdentitySettings } from '@licensing/identity';
import { loadSettings, LogSettings, TracingSettings } from '@licensing/platform';
import { z } from 'zod';
import { DEFAULT_RELAY_BATCH, KafkaBrokersSetting } from '@licensing/relay';

/**
 * The relay process's settings, from the environment. A bad value stops the
 * start with a message naming the variable and what it accepts.
 */
export const RelayConfig = z
  .object({
    /** Comma-separated host:port list; required, the relay has nothing to do without a broker. */
    KAFKA_BROKERS: KafkaBrokersSetting,
    /** Where the embedded service keeps events.sqlite; relay.sqlite (the checkpoint) goes here too. */
    DATA_DIR: z.string().min(1).default('data'),
    ...EventStoreSettings.shape,
    /** The status endpoint's port; 0 picks a free one. */
    RELAY_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    RELAY_HOST: z.string().min(1).default('127.0.0.1'),
    /** The checkpoint row; two relays on one DATA_DIR (e.g. to two clusters) need two names. */
    RELAY_NAME: z.string().min(1).default('license-relay'),
    KAFKA_CLIENT_ID: z.string().min(1).default('license-relay'),
    /** Prepended to every contract topic, e.g. `staging.` on a shared cluster. */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    /** Most events per produce request and checkpoint: larger is faster, smaller re-sends less after a crash. */
    RELAY_BATCH_EVENTS: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_RELAY_BATCH.maxBatchEvents),
    /** Bytes of messages after which a produce request goes: keeps a partition's record batch under the broker's `message.max.bytes`. */
    RELAY_BATCH_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(DEFAULT_RELAY_BATCH.maxBatchBytes),
    /** Failed runs in a row before an event the relay cannot map goes to the dead-letter topic and the relay goes on. */
    RELAY_PARK_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    /** LOG_LEVEL (`debug`, `log`, `warn`, `error`) and LOG_FORMAT (`auto`, `json`, `pretty`), as the service's. */
    ...LogSettings.shape,
    /** OTEL_TRACES_EXPORTER (`none` by default), OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, as the service's. */
    ...TracingSettings.shape,
    /**
     * AUTH_*: who may list, retry and skip parked events, as the service's. By default the service's
     * local issuer: its key file in DATA_DIR, so the relay accepts the tokens the service accepts.
     */
    ...IdentitySettings.shape,
  })
  .superRefine(requireConnectionString)
  .superRefine(checkIdentitySettings);
export type RelayConfig = z.infer<typeof RelayConfig>;

export function loadRelayConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  return loadSettings('license-relay', RelayConfig, env);
}
