import { z } from 'zod';

/**
 * Tracing settings, under OpenTelemetry's standard names. Off by default:
 * with `none` no SDK is loaded or started, and the code's spans are the
 * API's no-ops.
 */
export const TracingSettings = z.object({
  /** `otlp`: export spans over OTLP/HTTP (JSON); `console`: print them (to try it out); `none`: no tracing. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /** The collector's base URL, e.g. `http://127.0.0.1:4318`; spans go to `<it>/v1/traces`. Default OTLP's own (localhost:4318). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** The service name on every span; default the app's name. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});
export type TracingSettings = z.infer<typeof TracingSettings>;
