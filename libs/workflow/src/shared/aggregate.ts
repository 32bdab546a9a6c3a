import type { Decider, ResourceOwner } from '@licensing/domain';
import type { z } from 'zod';

/** A domain event as deciders produce and evolve it. */
export interface DomainEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Everything the command runner needs to know about one aggregate: its
 * decider, where its streams live, the schema that checks events read back
 * from storage (zod at the edge), and whose data a stream is, so the runner
 * can hold every command to the actor's data scope (docs/architecture.md).
 */
export interface Aggregate<Command, Event extends DomainEvent, State> {
  readonly name: string;
  readonly decider: Decider<Command, Event, State>;
  streamId(id: string): string;
  readonly eventSchema: z.ZodType<Event>;
  /** Whose data the stream holds, from its folded state; null while the stream is empty. */
  ownerOf(state: State): ResourceOwner | null;
  /**
   * The owner a command gives its stream from its own data: a new stream's
   * exporter, or a revision that names an exporter; null when it names none.
   * Checked too, so nobody starts or moves a case into another exporter's data.
   */
  ownerNamedBy(command: Command): ResourceOwner | null;
  /** The command type that starts a stream; every other command needs one that exists. */
  readonly startedBy: string;
}
