import { z } from 'zod';

/**
 * Ops decisions on one parked event live in `ops-parked-event-<id>`: a
 * category no read model and no relay mapping reads, so they change nothing
 * but the log (which is what makes them audited).
 */
export const PARKED_EVENT_STREAM_PREFIX = 'ops-parked-event-';

export function parkedEventStreamId(parkedEventId: string): string {
  return `${PARKED_EVENT_STREAM_PREFIX}${parkedEventId}`;
}

// Permissive like every event schema: a limit added later must not make old decisions unreadable.
const parkedFacts = {
  parkedEventId: z.string().min(1),
  where: z.string().min(1),
  position: z.string().min(1),
  eventId: z.string().min(1),
  streamId: z.string().min(1),
  eventType: z.string().min(1),
};

export const ParkedEventRetried = z.object({
  type: z.literal('ParkedEventRetried'),
  schemaVersion: z.literal(1),
  data: z.object({
    ...parkedFacts,
    /** The failure it was parked with before this retry. */
    previousError: z.string(),
    attemptsBefore: z.number().int().min(0),
    reason: z.string().nullable(),
    outcome: z.enum(['applied', 'failed']),
    /** The failure of this retry; null when it applied. */
    error: z.string().nullable(),
  }),
});
export type ParkedEventRetried = z.infer<typeof ParkedEventRetried>;

export const ParkedEventSkipped = z.object({
  type: z.literal('ParkedEventSkipped'),
  schemaVersion: z.literal(1),
  data: z.object({
    ...parkedFacts,
    /** The failure it was parked with, which ops accepted never to fix. */
    lastError: z.string(),
    attempts: z.number().int().min(0),
    reason: z.string().min(1),
  }),
});
export type ParkedEventSkipped = z.infer<typeof ParkedEventSkipped>;

export const ParkedEventDecision = z.discriminatedUnion('type', [ParkedEventRetried, ParkedEventSkipped]);
export type ParkedEventDecision = z.infer<typeof ParkedEventDecision>;
