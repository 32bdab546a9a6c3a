import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { SpanKind, tracer } from '@licensing/platform';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from './http-metrics';
import { requestFacts } from './request-facts';

/**
 * The request's server span, continuing the caller's W3C `traceparent`
 * when it sends one. Named by the route template once a route answered
 * (`POST /applications/:id/:action`), like the metrics. The request and
 * response emitters are bound to the span's context, so what runs in
 * their callbacks (the body parser's, then every guard and handler) is
 * inside it and the command's spans become its children.
 * Installed only while tracing is on (see configureHttpEdge).
 */
export function traceRequests(request: Request, response: Response, next: NextFunction): void {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer().startSpan(
    request.method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.path } },
    parent,
  );
  requestFacts(request).traceId = span.spanContext().traceId;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    const route = routeTemplate(request);
    span.updateName(`${request.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  response.once('finish', end);
  response.once('close', end);
  const active = trace.setSpan(parent, span);
  context.bind(active, request);
  context.bind(active, response);
  context.with(active, next);
}
