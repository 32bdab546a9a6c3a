import { type CommandMetadata, type Decider, fold, type SeedPolicyEvent } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { createHash } from 'node:crypto';

interface DomainEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** Deterministic UUIDs (version 8 layout), so specs can name the ids they expect. */
export function eventIdFor(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The event log as the store would hand it to the relay: commands run
 * through the real deciders (fold → decide), each event recorded with its
 * stream revision and a global position in append order.
 */
export class RecordedLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();

  record(streamId: string, event: DomainEvent, metadata: RecordedEvent['metadata'], id?: string): RecordedEvent {
    const revision = this.revisions.get(streamId) ?? 0n;
    this.revisions.set(streamId, revision + 1n);
    const recorded: RecordedEvent = {
      id: id ?? eventIdFor(`${streamId}/${revision}`),
      type: event.type,
      version: event.schemaVersion,
      data: event.data,
      metadata,
      streamId,
      revision,
      position: BigInt(this.events.length) * 10n + 100n,
      integrity: { prevHash: '', hash: '' },
    };
    this.events.push(recorded);
    return recorded;
  }

  stream<C extends { metadata: CommandMetadata }, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
  ) {
    const history: E[] = [];
    return {
      state: () => fold(decider, history),
      /** Runs the command and returns what was recorded. */
      run: (command: C): RecordedEvent[] =>
        decider.decide(command, fold(decider, history)).map((event) => {
          history.push(event);
          const { commandId, actor, occurredAt } = command.metadata;
          return this.record(streamId, event, {
            actor: actor.id,
            role: actor.role,
            commandId,
            correlationId: command.metadata.correlationId ?? `corr-${commandId}`,
            causationId: command.metadata.causationId ?? commandId,
            occurredAt,
            recordedAt: occurredAt,
          });
        }),
    };
  }

  /** Records the seeded policy history with its own ids, as the seeder appends it. */
  seed(events: readonly SeedPolicyEvent[]): RecordedEvent[] {
    return events.map(({ eventId, streamId, event, metadata }) =>
      this.record(
        streamId,
        event,
        {
          actor: metadata.actor.id,
          role: metadata.actor.role,
          commandId: metadata.commandId,
          correlationId: '',
          causationId: '',
          occurredAt: metadata.occurredAt,
          recordedAt: metadata.recordedAt,
        },
        eventId,
      ),
    );
  }

  ofStream(streamId: string): RecordedEvent[] {
    return this.events.filter((event) => event.streamId === streamId);
  }
}
