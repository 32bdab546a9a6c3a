// Cross-cutting building blocks every layer may use; nothing of ours below.
// One retry/backoff policy (on cockatiel) and one settings loader (on zod).
// The apps' logger (pino) and their tracing (OpenTelemetry: the SDK loaded only when turned on).
export { backoffSettings, BackoffSettingsSchema, exponentialBackoff, RESTART_BACKOFF } from './backoff';
export type { BackoffSettings } from './backoff';
export { RestartBackoff, sleepUnlessAborted } from './restart-backoff';
export { retryPolicy, WRITE_CONFLICT_RETRY } from './retry-policy';
export type { RetryPolicy, RetrySettings } from './retry-policy';
export { loadSettings } from './load-settings';
export { LATENCY_BUCKETS_SECONDS, Metrics, secondsSince } from './metrics';
export type { Counter, Gauge, Histogram, MetricsOptions } from './metrics';
export { createLogger, REDACTED_PATHS } from './logging/create-logger';
export type { AppLogger, LoggerOptions } from './logging/create-logger';
export { LogSettings, pinoLevel } from './logging/log-settings';
export type { PinoLevel } from './logging/log-settings';
export { kafkaLogCreator, kafkaLogLevelFor } from './logging/kafka-log-creator';
export { TracingSettings } from './tracing/tracing-settings';
export { startTracing } from './tracing/start-tracing';
export type { Tracing } from './tracing/start-tracing';
export {
  activeTraceparent,
  contextOfTraceparent,
  endFailed,
  inSpan,
  SpanKind,
  traceparentOf,
  tracer,
  tracingActive,
} from './tracing/spans';
export type { SpanOptions } from './tracing/spans';
// Server-Sent Events, read: the CLI's `ops tail` and the live tail's specs.
export { EventStreamParser, readEventStream } from './sse/event-stream';
export type { SseComment, SseItem, SseMessage } from './sse/event-stream';
