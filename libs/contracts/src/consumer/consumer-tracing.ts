import {
  context,
  propagation,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { EachMessagePayload } from 'kafkajs';
import { TRACE_PARENT_HEADER } from '../headers';
import { headerValue } from './kafka-headers';

/** What the API answers while no SDK registered a tracer provider. */
const NO_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();

function tracingActive(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NO_TRACER_PROVIDER;
}

/**
 * Runs the handling of one message inside a consumer span that continues
 * the producer's trace: a child of the context in the message's W3C
 * `traceparent` header (the relay's produce span), or a new trace for a
 * message without one. What the handler does (its own spans, calls it
 * makes with a propagating client) becomes part of the same trace. With no
 * tracer provider registered it only runs `handle`.
 */
export async function inConsumerSpan<T>(
  payload: EachMessagePayload,
  groupId: string,
  handle: () => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return handle();
  const traceparent = headerValue(payload.message.headers, TRACE_PARENT_HEADER);
  const parent = traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, { traceparent });
  const span = trace.getTracer('export-licensing-contracts').startSpan(
    `process ${payload.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': payload.topic,
        'messaging.consumer.group.name': groupId,
        'messaging.destination.partition.id': String(payload.partition),
        'messaging.kafka.offset': Number(payload.message.offset),
      },
    },
    parent,
  );
  try {
    const handled = await context.with(trace.setSpan(parent, span), handle);
    span.end();
    return handled;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
    throw error;
  }
}
