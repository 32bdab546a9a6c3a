import {
  type Attributes,
  type Context,
  context,
  propagation,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

export { SpanKind };

/** What the API answers while no SDK registered a tracer provider. */
const NO_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * Whether spans are recorded at all: a tracer provider is registered (the
 * SDK started by `startTracing`, or a spec's). Checked before any span
 * work, so with tracing off the hot path does nothing but this test.
 */
export function tracingActive(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NO_TRACER_PROVIDER;
}

export function tracer() {
  return trace.getTracer('export-licensing');
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The parent; default the active context (the request, the command…). */
  readonly parent?: Context;
}

/**
 * Runs `work` inside a new span, a child of `parent` or of the active span,
 * and ends the span when `work` returns or settles; a throw or rejection
 * marks the span as failed with its message. Without tracing it only runs `work`.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span | null) => T): T {
  if (!tracingActive()) return work(null);
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
  );
  let result: T;
  try {
    result = context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    endFailed(span, error);
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value: unknown) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        endFailed(span, error);
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}

/** Ends a span as failed, with the error's message (never its data: a span may leave the trust boundary). */
export function endFailed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  span.end();
}

/** The W3C `traceparent` of the active span (to store or send with what it causes); undefined without tracing. */
export function activeTraceparent(): string | undefined {
  if (!tracingActive()) return undefined;
  return traceparentOf(context.active());
}

/** The W3C `traceparent` of a context's span, if it has a valid one. */
export function traceparentOf(ctx: Context): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier['traceparent'];
}

/** The context a stored or received `traceparent` names, to continue its trace; the root context without one. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  return traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, { traceparent });
}
