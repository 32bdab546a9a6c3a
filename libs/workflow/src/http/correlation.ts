import { context, trace } from '@opentelemetry/api';
import { parseTraceParent } from '@opentelemetry/core';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestFacts } from './request-facts';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/** 1 to 128 visible ASCII characters: what a client may send as `X-Correlation-Id`. */
export const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Gives every request a correlation id, answered in `X-Correlation-Id` and
 * carried by its log line and by the events its command stores: the
 * client's `X-Correlation-Id` when it is valid, else the trace id of its
 * W3C `traceparent` (or of the request's own span when tracing is on), so
 * logs and traces meet; else a new UUID.
 */
export function correlateRequests(request: Request, response: Response, next: NextFunction): void {
  const id = correlationIdFor(request);
  requestFacts(request).correlationId = id;
  response.setHeader(CORRELATION_HEADER, id);
  next();
}

/** The request's correlation id (see correlateRequests). */
export function correlationIdOf(request: Request): string {
  return (requestFacts(request).correlationId ??= correlationIdFor(request));
}

function correlationIdFor(request: Request): string {
  const given = request.header(CORRELATION_HEADER);
  if (given !== undefined && CORRELATION_ID.test(given)) return given;
  const traceparent = request.header('traceparent');
  const incoming = traceparent === undefined ? null : parseTraceParent(traceparent);
  if (incoming !== null && trace.isSpanContextValid(incoming)) return incoming.traceId;
  const own = trace.getSpan(context.active())?.spanContext();
  if (own !== undefined && trace.isSpanContextValid(own)) return own.traceId;
  return randomUUID();
}
