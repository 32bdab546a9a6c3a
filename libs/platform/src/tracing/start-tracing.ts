import { context, propagation, trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { TracingSettings } from './tracing-settings';

export interface Tracing {
  /** Sends the spans still buffered, stops the SDK and unregisters it (a later start in the same process works). */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry's Node SDK when the settings ask for an exporter,
 * before the app is built; answers null (nothing loaded, nothing started)
 * when they do not. Spans are manual (the HTTP edge, the command runner,
 * the store append, projections, the relay, the consumer kit), so no
 * instrumentation has to patch modules before they load. Only traces:
 * metrics stay Prometheus's and logs pino's, whatever OTEL_METRICS_EXPORTER
 * or OTEL_LOGS_EXPORTER say.
 */
export function startTracing(settings: TracingSettings, defaultServiceName: string): Tracing | null {
  if (settings.OTEL_TRACES_EXPORTER === 'none') return null;
  const sdk = newSdk(settings, defaultServiceName);
  sdk.start();
  return {
    async shutdown() {
      await sdk.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on: the SDK and its exporters take a third of a second to load */
function newSdk(settings: TracingSettings, defaultServiceName: string): NodeSDK {
  const sdk = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const exporter =
    settings.OTEL_TRACES_EXPORTER === 'console'
      ? new sdk.tracing.ConsoleSpanExporter()
      : otlpExporter(settings.OTEL_EXPORTER_OTLP_ENDPOINT);
  return new sdk.NodeSDK({
    serviceName: settings.OTEL_SERVICE_NAME ?? defaultServiceName,
    traceExporter: exporter,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
}

function otlpExporter(endpoint: string | undefined) {
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter(endpoint === undefined ? {} : { url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
}
/* eslint-enable @typescript-eslint/no-require-imports */
