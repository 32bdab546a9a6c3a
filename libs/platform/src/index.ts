// Cross-cutting building blocks every layer may use; nothing of ours below.
// One retry/backoff policy (on cockatiel) and one settings loader (on zod).
export { backoffSettings, BackoffSettingsSchema, exponentialBackoff, RESTART_BACKOFF } from './backoff';
export type { BackoffSettings } from './backoff';
export { RestartBackoff, sleepUnlessAborted } from './restart-backoff';
export { retryPolicy, WRITE_CONFLICT_RETRY } from './retry-policy';
export type { RetryPolicy, RetrySettings } from './retry-policy';
export { loadSettings } from './load-settings';
export { LATENCY_BUCKETS_SECONDS, Metrics, secondsSince } from './metrics';
export type { Counter, Gauge, Histogram, MetricsOptions } from './metrics';
