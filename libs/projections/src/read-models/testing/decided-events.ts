import { type CommandMetadata, type Decider, fold, type Role } from '@licensing/domain';
import type { EventMetadata, ProposedEvent, RecordedEvent } from '@licensing/event-store';
import { createHash } from 'node:crypto';

/** A domain event as a handler would append it: payload plus envelope metadata. */
export interface DecidedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** A legal date means 10:00 China Standard Time that day (02:00 UTC). */
export const at = (date: string) => `${date}T02:00:00.000Z`;

export function meta(date: string, role: Role, actorId: string = role): CommandMetadata {
  return { commandId: `cmd-${actorId}-${date}`, actor: { id: actorId, role }, occurredAt: at(date) };
}

/** Deterministic event ids, so two runs of a story append the same events. */
function eventId(streamId: string, revision: number): string {
  const hex = createHash('sha256').update(`${streamId}/${revision}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Runs commands through a real decider, the way a handler does (fold →
 * decide → append), and logs every event in append order across streams.
 */
export class StoryLog {
  readonly events: DecidedEvent[] = [];

  stream<C extends { metadata: CommandMetadata }, E extends { type: string; schemaVersion: number; data: unknown }, S>(
    decider: Decider<C, E, S>,
    streamId: string,
  ) {
    const history: E[] = [];
    return {
      state: () => fold(decider, history),
      run: (command: C): E[] => {
        const events = decider.decide(command, fold(decider, history));
        for (const event of events) {
          const { commandId, actor, occurredAt } = command.metadata;
          this.events.push({
            streamId,
            id: eventId(streamId, history.length),
            type: event.type,
            version: event.schemaVersion,
            data: event.data,
            metadata: {
              actor: actor.id,
              role: actor.role,
              commandId,
              correlationId: command.metadata.correlationId ?? commandId,
              causationId: command.metadata.causationId ?? commandId,
              occurredAt,
              recordedAt: occurredAt,
            },
          });
          history.push(event);
        }
        return events;
      },
    };
  }
}

export function toProposed(event: DecidedEvent): ProposedEvent {
  const { id, type, version, data, metadata } = event;
  return { id, type, version, data, metadata };
}

/** What the store would hand back, for pure specs: revisions per stream, positions in log order. */
export function toRecorded(events: readonly DecidedEvent[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map((event, index) => {
    const revision = revisions.get(event.streamId) ?? 0n;
    revisions.set(event.streamId, revision + 1n);
    return {
      ...toProposed(event),
      streamId: event.streamId,
      revision,
      position: BigInt(index + 1),
      integrity: { prevHash: '', hash: '' },
    };
  });
}
