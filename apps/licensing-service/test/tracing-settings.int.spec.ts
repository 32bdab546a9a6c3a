import { tracingActive } from '@licensing/platform';
import { auditor, exporterUser, registerNingbo } from '@licensing/service-testing';
import { LoggedService } from './log-capture';

const CALLER = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** A span as OpenTelemetry's console exporter prints it. */
interface PrintedSpan {
  readonly name: string;
  readonly traceId: string;
  readonly id: string;
  readonly parentSpanContext?: { readonly spanId: string };
  readonly resource: { readonly attributes: Record<string, unknown> };
}

/**
 * The service's own tracing bootstrap (no spec provider here): off by
 * default, on by OTEL_* settings. The console exporter stands in for OTLP,
 * whose HTTP transport loads `http` by a dynamic import Jest's VM does not
 * run; test/tracing-otlp.e2e.spec.ts sends OTLP from the built service.
 */
describe('tracing settings: off by default, the SDK started and stopped with the service when configured', () => {
  let printed: jest.SpyInstance;

  beforeEach(() => {
    printed = jest.spyOn(console, 'dir').mockImplementation(() => undefined);
  });
  afterEach(() => printed.mockRestore());

  it('starts no SDK, records no span and stores no trace context without OTEL_TRACES_EXPORTER', async () => {
    const service = new LoggedService();
    try {
      // An endpoint alone does not turn tracing on.
      const client = await service.start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
      expect(tracingActive()).toBe(false);
      const reply = await client.post('/exporters', exporterUser, registerNingbo, { traceparent: CALLER });
      expect(reply.status).toBe(201);
      const events = await client.get('/audit/streams/exporter-ningbo-magnetics/events', auditor);
      expect(events.body.events[0].metadata).not.toHaveProperty('traceparent');
      expect(service.requestLines().filter((line) => 'traceId' in line)).toEqual([]);
    } finally {
      await service.dispose();
    }
    expect(printed).not.toHaveBeenCalled();
  }, 60_000);

  it('exports the spans of a command under OTEL_SERVICE_NAME, flushed when the app stops, then unregisters', async () => {
    const service = new LoggedService();
    let traceparent: string;
    try {
      const client = await service.start({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'licensing-spec' });
      expect(tracingActive()).toBe(true);
      expect((await client.post('/exporters', exporterUser, registerNingbo, { traceparent: CALLER })).status).toBe(201);
      const events = await client.get('/audit/streams/exporter-ningbo-magnetics/events', auditor);
      traceparent = events.body.events[0].metadata.traceparent;
    } finally {
      await service.dispose();
    }
    // The stored context continues the caller's trace; the SDK's batch was sent at shutdown, and the SDK unregistered.
    const [, traceId, appendSpanId] = traceparent.split('-');
    expect(traceId).toBe(CALLER.split('-')[1]);
    expect(tracingActive()).toBe(false);
    const spans = printed.mock.calls.map(([span]) => span as PrintedSpan).filter((span) => span.traceId === traceId);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'POST /exporters',
      'command RegisterExporter',
      'eventStore.append',
      'projection.apply exporter-view',
    ]);
    const append = spans.find((span) => span.name === 'eventStore.append');
    expect(append?.id).toBe(appendSpanId);
    expect(spans.find((span) => span.name === 'projection.apply exporter-view')?.parentSpanContext?.spanId).toBe(
      appendSpanId,
    );
    expect(new Set(spans.map((span) => span.resource.attributes['service.name']))).toEqual(new Set(['licensing-spec']));
  }, 60_000);
});
