import { EventStoreSettings, requireConnectionString } from '@licensing/eventstoredb';
import { checkIdentitySettings, IdentitySettings } from '@licensing/identity';
import { loadSettings, LogSettings, TracingSettings } from '@licensing/platform';
import { KafkaBrokersSetting } from '@licensing/relay';
import { ByteSize, HttpEdgeSettings, RateLimitSettings } from '@licensing/workflow';
import { z } from 'zod';

/**
 * Service settings, from the environment. Read once at start; a bad value
 * stops the start with a message naming the variable and what it accepts.
 */
export const ServiceConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: exposing the API is a deployment decision. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded event store and read models live. */
  DATA_DIR: z.string().min(1).default('data'),
  ...EventStoreSettings.shape,
  /**
   * Comma-separated Kafka bootstrap servers. Set, the service also runs the
   * license relay in its own process (the embedded shape); unset, no Kafka.
   */
  KAFKA_BROKERS: KafkaBrokersSetting.optional(),
  /** Prepended to every topic name, e.g. `staging.` on a shared cluster. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** Seed the real rare-earth policy history on start (idempotent). */
  SEED_POLICY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * The public-holiday calendar (one YYYY-MM-DD a line, `#` comments): the
   * days the review clock (when an acceptance names none) and the deadlines-due
   * queue skip besides weekends. Unset: weekends only.
   */
  PUBLIC_HOLIDAYS_FILE: z.string().min(1).optional(),
  /** How often the scheduler looks for due events (expiry, missed deadlines); 0 turns it off. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().nonnegative().default(60_000),
  /**
   * `apply`: the process manager applies each recorded announcement's acts to
   * their measures. `hold`: announcements are recorded, their acts stay
   * pending until the service starts with `apply` (a maintenance window, a spec of restarts).
   */
  ANNOUNCEMENT_ACTS: z.enum(['apply', 'hold']).default('apply'),
  /**
   * LOG_LEVEL (`debug`, `log` the default, `warn`, `error`) and LOG_FORMAT
   * (`auto`: readable on a terminal, JSON lines otherwise; `json`; `pretty`).
   */
  ...LogSettings.shape,
  /** OTEL_TRACES_EXPORTER (`none` by default: no tracing), OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME. */
  ...TracingSettings.shape,
  /**
   * GET /health/ready answers 503 when a read model has more than this many
   * events of `$all` left to process; 0: ready only when every read model is level with the log.
   */
  READY_MAX_LAG_EVENTS: z.coerce.number().int().nonnegative().default(1000),
  /**
   * Failed attempts in a row (with the read models' retry backoff between them) after which an event
   * a read model cannot apply is parked and the read model goes on (GET /ops/parked-events).
   */
  PROJECTION_PARK_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** The same for the embedded relay: failed runs in a row before an event it cannot map goes to the dead-letter topic. */
  RELAY_PARK_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** BODY_LIMIT (default 1mb) and CORS_ORIGINS (default none): the HTTP edge, shared with the customs gate. */
  ...HttpEdgeSettings.shape,
  /**
   * The largest document POST /documents stores (`10mb`, `512kb` or bytes; 1kb to 64mb), read as raw
   * bytes instead of JSON, so BODY_LIMIT does not apply to it; past it, a 413 problem.
   */
  DOCUMENT_MAX_BYTES: ByteSize.prefault('10mb'),
  /** RATE_LIMIT_PER_MINUTE (per subject, default 600) and RATE_LIMIT_PER_ADDRESS_PER_MINUTE (default 1200); 0 is off. */
  ...RateLimitSettings.shape,
  /** AUTH_*: who may call, as verified bearer tokens (libs/identity); by default the embedded local issuer. */
  ...IdentitySettings.shape,
  /** The built web console served under /console (`npx nx run console:build`); relative to the working directory. */
  CONSOLE_DIR: z.string().min(1).default('dist/apps/console'),
  /** With an identity provider: the console's client id there (a public client, authorization code + PKCE). */
  CONSOLE_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  /** The scopes the console asks the identity provider for. */
  CONSOLE_OIDC_SCOPE: z.string().trim().min(1).default('openid profile'),
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs the verifiable log's tree
   * heads. Unset: a key kept in DATA_DIR (`tree-head-key.pem`), created on first start.
   */
  TREE_HEAD_KEY_FILE: z.string().min(1).optional(),
  /** How often a tree head is signed when the log has grown (ms); 0: only on demand (POST /audit/tree-heads). */
  TREE_HEAD_INTERVAL_MS: z.coerce.number().int().nonnegative().default(60_000),
  /**
   * How long a response to an Idempotency-Key is remembered (hours, default a
   * week); older ones count as absent and are pruned on start and hourly. 0 keeps them forever.
   */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().nonnegative().default(168),
  /** GET /ops/events/live: a `: heartbeat` comment this often (ms), so proxies keep a quiet tail open. */
  LIVE_TAIL_HEARTBEAT_MS: z.coerce.number().int().min(10).default(15_000),
  /** Events held for one tail client that does not keep up; past it the client gets `fell-behind` and is closed. */
  LIVE_TAIL_BUFFER_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Live tails open at once; one more is refused with 503. */
  LIVE_TAIL_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(20),
  /** Where POST /ops/backups writes, one sub-directory per backup; unset: `DATA_DIR/backups`. */
  BACKUP_DIR: z.string().min(1).optional(),
  /**
   * SQLite pages a backup copies per step (about 4 KB each); commands run
   * between steps. Smaller keeps command latency lower during a backup, larger finishes sooner.
   */
  BACKUP_PAGES_PER_STEP: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /**
   * Test hook: a fixed "now" (ISO instant) for the service clock, so a
   * walkthrough of dates long past or to come runs the same every time.
   */
  CLOCK_FIXED_AT: z.iso.datetime().optional(),
});
export type ServiceConfig = z.infer<typeof ServiceConfig>;

const WithStore = ServiceConfig.superRefine(requireConnectionString).superRefine(checkIdentitySettings);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadSettings('licensing-service', WithStore, env);
}
