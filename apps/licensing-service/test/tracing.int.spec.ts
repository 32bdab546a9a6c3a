import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { type ContractConsumer, createContractConsumer, Topics } from '@licensing/contracts';
import { kafkaBrokersFromEnv, waitForTopicLeaders, waitUntil } from '@licensing/contracts/testing';
import {
  auditor,
  exporterUser,
  magnetApplication,
  registerNingbo,
  type ServiceClient,
} from '@licensing/service-testing';
import { Kafka, logLevel } from 'kafkajs';
import { LoggedService } from './log-capture';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

/**
 * Item 4 of issue 12: one trace from an HTTP command to a Kafka consumer.
 * A tracer provider of the spec's own (spans kept in memory) stands where
 * the SDK would; the service, its embedded relay and a consumer of the
 * consumer kit all run in this process against a real broker.
 */
describe('traces: an HTTP command, its append, projections, the relay and a consumer in one trace (real broker)', () => {
  const brokers = kafkaBrokersFromEnv('apps/licensing-service/jest.config.js');
  const prefix = `tracing-spec.${Date.now().toString(36)}.`;
  const topic = `${prefix}${Topics.applicationEvents}`;
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const service = new LoggedService();
  const kafka = new Kafka({ clientId: 'tracing-spec', brokers, logLevel: logLevel.NOTHING });
  const handled: { applicationId: string; handlerTraceId: string | undefined; traceparent: string | undefined }[] = [];
  let consumer: ContractConsumer | null = null;
  let client: ServiceClient;

  beforeAll(async () => {
    provider.register();
    client = await service.start({ KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix });
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await service.dispose();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }, 30_000);

  it('links the request, the command, the append, the read models, the produce and the consumer by parent', async () => {
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
    expect((await client.post('/applications', exporterUser, magnetApplication('app-traced'))).status).toBe(201);
    const submitted = await client.post(
      '/applications/app-traced/submit',
      exporterUser,
      {},
      { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    );
    expect(submitted.status).toBe(200);

    await waitForTopicLeaders(kafka, [topic]);
    consumer = createContractConsumer({
      kafka,
      groupId: `${prefix}reader`,
      topics: [topic],
      handlers: {
        'application.submitted': async (message, context) => {
          handled.push({
            applicationId: message.subject.id,
            handlerTraceId: trace.getActiveSpan()?.spanContext().traceId,
            traceparent: context.headers['traceparent']?.toString(),
          });
        },
      },
    });
    await consumer.start();
    await waitUntil(() => handled.some((h) => h.applicationId === 'app-traced'), 'the submission to be handled');
    // The produce span ends when the broker's acknowledgement is read, which
    // may come after the consumer has fetched and handled the message.
    const ended = (name: string) => spansOf(CALLER_TRACE).some((span) => span.name === name);
    await waitUntil(
      () => ended(`process ${topic}`) && ended(`produce ${topic}`),
      'the consumer and produce spans to end',
    );

    const spans = spansOf(CALLER_TRACE);
    const one = (name: string) => {
      const found = spans.filter((span) => span.name === name);
      expect(found.map((span) => span.name)).toEqual([name]);
      return found[0]!;
    };
    const request = one('POST /applications/:id/:action');
    const command = one('command SubmitApplication');
    const append = one('eventStore.append');
    const produce = one(`produce ${topic}`);
    const consume = one(`process ${topic}`);
    const projections = spans.filter((span) => span.name.startsWith('projection.apply '));

    expect(parentOf(request)).toBe(CALLER_SPAN);
    expect(parentOf(command)).toBe(idOf(request));
    expect(parentOf(append)).toBe(idOf(command));
    expect(projections.length).toBeGreaterThan(0);
    for (const projection of projections) expect(parentOf(projection)).toBe(idOf(append));
    expect(parentOf(produce)).toBe(idOf(append));
    expect(parentOf(consume)).toBe(idOf(produce));
    expect(request.attributes).toMatchObject({ 'http.route': '/applications/:id/:action' });

    // The trace context travels in the event's metadata (the append's) and the message's header (the produce's).
    const events = await client.get(
      '/audit/streams/application-app-traced/events?direction=backwards&limit=1',
      auditor,
    );
    expect(events.body.events[0]).toMatchObject({
      type: 'ApplicationSubmitted',
      metadata: { traceparent: `00-${CALLER_TRACE}-${idOf(append)}-01` },
    });
    const message = handled.find((h) => h.applicationId === 'app-traced');
    expect(message).toEqual({
      applicationId: 'app-traced',
      handlerTraceId: CALLER_TRACE,
      traceparent: `00-${CALLER_TRACE}-${idOf(produce)}-01`,
    });

    // The request's log line names the trace, and its correlation id is the caller's trace id.
    expect(service.requestLines(CALLER_TRACE)).toEqual([
      expect.objectContaining({ route: '/applications/:id/:action', status: 200, traceId: CALLER_TRACE }),
    ]);
  }, 90_000);

  function spansOf(traceId: string): ReadableSpan[] {
    return exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  }
});

function idOf(span: ReadableSpan): string {
  return span.spanContext().spanId;
}

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
