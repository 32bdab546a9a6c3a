import { type CommandMetadata, type Decider, fold } from '@licensing/domain';
import type { EventStore } from '@licensing/event-store';
import { createHash } from 'node:crypto';

function eventId(streamId: string, revision: number): string {
  const hex = createHash('sha256').update(`${streamId}/${revision}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface DomainEventLike {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * A stream written by the real decider, each command's events appended as
 * the command runner would (ids derived from the stream and revision, so
 * every run stores the same bytes). `state()` is the fold of what was appended.
 */
export function decidedStream<C extends { metadata: CommandMetadata }, E extends DomainEventLike, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
) {
  const history: E[] = [];
  return {
    state: () => fold(decider, history),
    async run(command: C): Promise<void> {
      const events = decider.decide(command, fold(decider, history));
      const { commandId, actor, occurredAt } = command.metadata;
      const proposed = events.map((event, i) => ({
        id: eventId(streamId, history.length + i),
        type: event.type,
        version: event.schemaVersion,
        data: event.data,
        metadata: {
          actor: actor.id,
          role: actor.role,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt,
          recordedAt: occurredAt,
        },
      }));
      await store.append(streamId, proposed, { expectedRevision: 'any' });
      history.push(...events);
    },
  };
}
