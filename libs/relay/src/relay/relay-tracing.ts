import { ROOT_CONTEXT, type Span, trace } from '@opentelemetry/api';
import type { ContractRecord } from '@licensing/contracts';
import type { RecordedEvent } from '@licensing/event-store';
import { contextOfTraceparent, endFailed, SpanKind, traceparentOf, tracer, tracingActive } from '@licensing/platform';
import { relayTopic } from './relay-topics';

/**
 * An event's records with the trace context it was stored with (its
 * metadata's `traceparent`) as their W3C `traceparent` header: even a
 * relay that traces nothing itself hands the trace on to the consumers.
 */
export function withStoredTrace(records: readonly ContractRecord[], event: RecordedEvent): readonly ContractRecord[] {
  const traceparent = event.metadata.traceparent;
  if (traceparent === undefined) return records;
  return records.map((record) => ({ ...record, headers: { ...record.headers, traceparent } }));
}

/**
 * Sends records; with tracing on, each message that carries a trace
 * context is sent in a producer span, a child of that context (the
 * append that stored its event), and its `traceparent` header names the
 * producer span, so the consumer's span is the produce's child. The spans
 * end when the broker acknowledged (acks = all), or fail with the send.
 */
export async function sendTraced(
  records: readonly ContractRecord[],
  topicPrefix: string,
  send: (records: readonly ContractRecord[]) => Promise<void>,
): Promise<void> {
  if (!tracingActive()) return send(records);
  const spans: Span[] = [];
  const traced = records.map((record) => {
    const stored = record.headers.traceparent;
    if (stored === undefined) return record;
    const topic = relayTopic(topicPrefix, record.topic);
    const span = tracer().startSpan(
      `produce ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': topic,
          'messaging.kafka.message.key': record.key,
          'licensing.event.id': record.headers['event-id'],
        },
      },
      contextOfTraceparent(stored),
    );
    spans.push(span);
    const traceparent = traceparentOf(trace.setSpan(ROOT_CONTEXT, span)) ?? stored;
    return { ...record, headers: { ...record.headers, traceparent } };
  });
  try {
    await send(traced);
  } catch (error) {
    for (const span of spans) endFailed(span, error);
    throw error;
  }
  for (const span of spans) span.end();
}
