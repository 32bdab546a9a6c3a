import type { Actor } from '@licensing/domain';
import type { EventMetadata } from '@licensing/event-store';

/** The command facts an event's envelope repeats. */
export interface CommandFacts {
  actor: Actor;
  commandId: string;
  correlationId?: string | undefined;
  causationId?: string | undefined;
  occurredAt: string;
  /** The trace context of the append, when tracing is on (see EventMetadata.traceparent). */
  traceparent?: string | undefined;
}

/**
 * Envelope metadata for an event caused by a command; a command with no
 * cause correlates to itself. The verified subject and its issuer go with
 * every event a person caused; keys that are absent stay absent (not
 * `undefined`), so the events of the system, and any event stored without
 * tracing, hash as they always did.
 */
export function envelopeMetadata(command: CommandFacts, recordedAt: string): EventMetadata {
  const { issuer, exporterIds } = command.actor;
  return {
    actor: command.actor.id,
    role: command.actor.role,
    ...(issuer === undefined ? {} : { issuer }),
    ...(exporterIds === undefined ? {} : { exporterIds: [...exporterIds] }),
    commandId: command.commandId,
    correlationId: command.correlationId ?? command.commandId,
    causationId: command.causationId ?? command.commandId,
    occurredAt: command.occurredAt,
    recordedAt,
    ...(command.traceparent === undefined ? {} : { traceparent: command.traceparent }),
  };
}
