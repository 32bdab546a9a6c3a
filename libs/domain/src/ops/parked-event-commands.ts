import { z } from 'zod';
import { IdInput, TextInput } from '../shared/input-fields';
import { Command } from '../shared/metadata';

/**
 * The event a consumer could not process and parked, as the service found it
 * when ops decided on it. The service fills it in from its own record, never
 * from the request: a decision names what it was about.
 */
export const ParkedEventFacts = z.object({
  /** The consumer that parked it: a read model by its name, or `relay`. */
  where: z.string().min(1),
  /** Its position in `$all`, as a decimal string (positions are 64-bit). */
  position: z.string().regex(/^\d{1,20}$/),
  eventId: z.string().min(1),
  streamId: z.string().min(1),
  eventType: z.string().min(1),
  /** The failure it was parked with, as last recorded before this decision. */
  error: z.string(),
  /** Failed attempts so far. */
  attempts: z.number().int().min(0),
});
export type ParkedEventFacts = z.infer<typeof ParkedEventFacts>;

/** What applying it again did: it went through, or it failed again (the event stays parked). */
export const RetryOutcome = z.enum(['applied', 'failed']);
export type RetryOutcome = z.infer<typeof RetryOutcome>;

export const RetryParkedEventData = z.object({
  parkedEventId: IdInput,
  /** Why ops retry now (a fix deployed, an upcaster registered); optional. */
  reason: TextInput.optional(),
  parked: ParkedEventFacts,
  outcome: RetryOutcome,
  /** The new failure when the outcome is `failed`; null otherwise. */
  error: z.string().nullable(),
});
export type RetryParkedEventData = z.infer<typeof RetryParkedEventData>;
export type RetryParkedEvent = Command<'RetryParkedEvent', RetryParkedEventData>;

export const SkipParkedEventData = z.object({
  parkedEventId: IdInput,
  /** Required: skipping is for good, so the log says why. */
  reason: TextInput,
  parked: ParkedEventFacts,
});
export type SkipParkedEventData = z.infer<typeof SkipParkedEventData>;
export type SkipParkedEvent = Command<'SkipParkedEvent', SkipParkedEventData>;

export type ParkedEventCommand = RetryParkedEvent | SkipParkedEvent;
