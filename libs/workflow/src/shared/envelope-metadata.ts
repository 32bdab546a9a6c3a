import type { Actor } from '@licensing/domain';
import type { EventMetadata } from '@licensing/event-store';

/** The command facts an event's envelope repeats. */
export interface CommandFacts {
  actor: Actor;
  commandId: string;
  correlationId?: string | undefined;
  causationId?: string | undefined;
  occurredAt: string;
}

/** Envelope metadata for an event caused by a command; a command with no cause correlates to itself. */
export function envelopeMetadata(command: CommandFacts, recordedAt: string): EventMetadata {
  return {
    actor: command.actor.id,
    role: command.actor.role,
    commandId: command.commandId,
    correlationId: command.correlationId ?? command.commandId,
    causationId: command.causationId ?? command.commandId,
    occurredAt: command.occurredAt,
    recordedAt,
  };
}
