/** Kafka header names on every message we produce. Values are UTF-8 strings. */
export const HeaderNames = {
  /** The envelope's `eventId`: the de-duplication key. */
  eventId: 'event-id',
  /** The envelope's `type`, e.g. `license.issued`: route without parsing the value. */
  eventType: 'event-type',
  /** The envelope's `version`, a decimal string. */
  eventVersion: 'event-version',
  contentType: 'content-type',
} as const;

/** Values are the envelope as UTF-8 JSON. */
export const CONTENT_TYPE = 'application/json';

export type ContractHeaders = { readonly [Name in (typeof HeaderNames)[keyof typeof HeaderNames]]: string };

/**
 * W3C trace context (`traceparent`), on messages whose source event was
 * traced: a consumer's handler span continues the trace of the command
 * that caused the message. Optional; absent when tracing was off.
 */
export const TRACE_PARENT_HEADER = 'traceparent';
export type TraceHeaders = { readonly traceparent?: string };

export function contractHeaders(envelope: {
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
}): ContractHeaders {
  return {
    'event-id': envelope.eventId,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    'content-type': CONTENT_TYPE,
  };
}
