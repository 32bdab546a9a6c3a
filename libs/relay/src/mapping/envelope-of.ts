import type { Subject } from '@licensing/contracts';
import type { RecordedEvent } from '@licensing/event-store';

/** The envelope fields every message carries, taken from the source event's own envelope. */
export function envelopeOf<Kind extends Subject['kind']>(event: RecordedEvent, kind: Kind, id: string) {
  const { occurredAt, recordedAt, correlationId, causationId } = event.metadata;
  return {
    eventId: event.id,
    version: 1 as const,
    subject: { kind, id },
    occurredAt,
    recordedAt,
    // Older events may carry empty trace ids; the contract has them optional instead.
    ...(correlationId ? { correlationId } : {}),
    ...(causationId ? { causationId } : {}),
    sourcePosition: event.position.toString(),
  };
}
