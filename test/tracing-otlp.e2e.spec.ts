import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditor, exporterUser, registerNingbo } from '@licensing/service-testing';
import { FakeOtlpCollector } from './support/fake-otlp-collector';
import { ServiceProcess } from './support/service-process';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/**
 * The built service as deployed, with tracing turned on by its settings:
 * spans go over OTLP/HTTP to a collector, the last batch on SIGTERM, and
 * stdout (not a terminal) holds one JSON object a line.
 */
describe('the service with OTEL_TRACES_EXPORTER=otlp: its spans at the collector, its logs as JSON lines', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tracing-otlp-'));
  const collector = new FakeOtlpCollector();
  let service: ServiceProcess;

  beforeAll(async () => {
    const endpoint = await collector.start();
    service = new ServiceProcess(dataDir, {
      LOG_LEVEL: 'log',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_SERVICE_NAME: 'licensing-e2e',
    });
  });

  afterAll(async () => {
    await service.stop();
    await collector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports the request, command and append spans of a traced command, continuing the caller’s trace', async () => {
    const client = await service.start();
    const reply = await client.post('/exporters', exporterUser, registerNingbo, {
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-correlation-id')).toBe(CALLER_TRACE);
    const events = await client.get('/audit/streams/exporter-ningbo-magnetics/events', auditor);
    const traceparent = events.body.events[0].metadata.traceparent as string;
    // SIGTERM: Nest's shutdown hooks stop the SDK after the app, which sends the batch it still holds.
    await service.stop();

    expect(collector.paths).toContain('/v1/traces');
    const spans = collector.spans.filter((span) => span.traceId === CALLER_TRACE);
    const named = (name: string) => spans.find((span) => span.name === name);
    expect(named('POST /exporters')).toMatchObject({ parentSpanId: CALLER_SPAN, serviceName: 'licensing-e2e' });
    expect(named('command RegisterExporter')?.parentSpanId).toBe(named('POST /exporters')?.spanId);
    expect(named('eventStore.append')?.parentSpanId).toBe(named('command RegisterExporter')?.spanId);
    expect(traceparent).toBe(`00-${CALLER_TRACE}-${named('eventStore.append')?.spanId}-01`);

    // stdout is no terminal: every line is a JSON object, the request's among them.
    const lines = service.log
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'POST /exporters 201',
        correlationId: CALLER_TRACE,
        traceId: CALLER_TRACE,
        actor: exporterUser.id,
        outcome: 'ok',
      }),
    );
    expect(lines.some((line) => /listening on http:\/\/\S+ /.test(String(line['msg'])))).toBe(true);
  });
});
