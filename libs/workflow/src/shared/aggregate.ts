import type { Decider } from '@licensing/domain';
import type { z } from 'zod';

/** A domain event as deciders produce and evolve it. */
export interface DomainEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Everything the command runner needs to know about one aggregate: its
 * decider, where its streams live, and the schema that checks events read
 * back from storage (zod at the edge).
 */
export interface Aggregate<Command, Event extends DomainEvent, State> {
  readonly name: string;
  readonly decider: Decider<Command, Event, State>;
  streamId(id: string): string;
  readonly eventSchema: z.ZodType<Event>;
}
