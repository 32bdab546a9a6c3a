import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type ContractRecord, toContractRecord } from '@licensing/contracts';
import { sampleContractMessages } from '@licensing/contracts/testing';
import type { RecordedEvent } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { sendTraced, withStoredTrace } from './relay-tracing';

const STORED = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const issued = toContractRecord(sampleContractMessages()['license.issued']);

function recorded(traceparent?: string): RecordedEvent {
  return {
    id: 'e-1',
    type: 'LicenseIssued',
    version: 1,
    streamId: 'license-L-1',
    revision: 0n,
    position: 7n,
    data: {},
    metadata: fixedMetadata(traceparent === undefined ? {} : { traceparent }),
    integrity: { prevHash: '0'.repeat(64), hash: '1'.repeat(64) },
  };
}

describe('withStoredTrace: the trace context an event was stored with, on its messages', () => {
  it('sets the traceparent header from the metadata, and adds nothing to an event stored without one', () => {
    expect(withStoredTrace([issued], recorded(STORED))[0]?.headers).toMatchObject({ traceparent: STORED });
    expect(withStoredTrace([issued], recorded())[0]?.headers).not.toHaveProperty('traceparent');
  });
});

describe('sendTraced', () => {
  const records = withStoredTrace([issued], recorded(STORED));

  it('sends the records as they are while no tracer provider is registered', async () => {
    const sent: (readonly ContractRecord[])[] = [];
    await sendTraced(records, 'p.', async (batch) => void sent.push(batch));
    expect(sent).toEqual([records]);
  });

  describe('with a tracer provider', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

    beforeAll(() => {
      trace.setGlobalTracerProvider(provider);
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    });
    afterEach(() => exporter.reset());
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
    });

    it('sends each message in a producer span, a child of the stored context, named in its header', async () => {
      const sent: (readonly ContractRecord[])[] = [];
      await sendTraced(records, 'p.', async (batch) => {
        // Not ended before the broker acknowledged.
        expect(exporter.getFinishedSpans()).toEqual([]);
        sent.push(batch);
      });
      const [span] = exporter.getFinishedSpans();
      expect(span).toMatchObject({ name: `produce p.${issued.topic}`, kind: 3 });
      expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(sent[0]?.[0]?.headers.traceparent).toBe(
        `00-4bf92f3577b34da6a3ce929d0e0e4736-${span?.spanContext().spanId}-01`,
      );
    });

    it('ends the spans as failed when the send fails, and fails too', async () => {
      await expect(
        sendTraced(records, 'p.', async () => {
          throw new Error('broker gone');
        }),
      ).rejects.toThrow('broker gone');
      expect(exporter.getFinishedSpans().map((span) => span.status)).toEqual([{ code: 2, message: 'broker gone' }]);
    });

    it('starts no span for a message without a stored context', async () => {
      await sendTraced([issued], 'p.', async () => undefined);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });
});
