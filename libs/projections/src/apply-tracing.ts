import type { RecordedEvent } from '@licensing/event-store';
import { contextOfTraceparent, inSpan, tracingActive } from '@licensing/platform';

/**
 * Runs one read model's application of an event inside a span that
 * continues the event's trace (its metadata's `traceparent`: the append's
 * span), when tracing is on, the event was stored with a trace context, and
 * the read model is `live` (caught up, in its own storage). Catching up and
 * rebuilding replay history whose traces ended long ago: no spans then.
 */
export function tracedApply(readModel: string, event: RecordedEvent, live: boolean, apply: () => void): void {
  const traceparent = event.metadata.traceparent;
  if (!live || traceparent === undefined || !tracingActive()) return apply();
  inSpan(
    `projection.apply ${readModel}`,
    {
      parent: contextOfTraceparent(traceparent),
      attributes: { 'licensing.read_model': readModel, 'licensing.event.type': event.type },
    },
    apply,
  );
}
