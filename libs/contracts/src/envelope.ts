import { z } from 'zod';
import { Instant } from './common';

/** What an integration event is about; it is also the Kafka message key. */
export const SubjectKind = z.enum(['license', 'application', 'control-measure']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z.object({
  kind: SubjectKind,
  /** License id, application id or control-measure id. Equals the message key. */
  id: z.string().min(1),
});
export type Subject = z.infer<typeof Subject>;

/**
 * The fields every message on our topics carries around its `data`:
 *
 * - `eventId`: UUID of the source event in our event log. Stable across
 *   relay retries, so it is the de-duplication key (also in header `event-id`).
 * - `type`, `version`: which contract `data` follows (also in headers).
 * - `subject`: the license, application or control measure concerned.
 * - `occurredAt`: when the command that caused the event was issued (UTC).
 * - `recordedAt`: when our system recorded the event (UTC).
 * - `correlationId`, `causationId`: trace ids of the request and of the
 *   command or event that caused this one, when known.
 * - `sourcePosition`: the event's position in our global log, a decimal
 *   string (it can exceed 2^53). Increases with every event we record;
 *   per key it orders events exactly as Kafka's partition order does.
 */
export const EnvelopeFields = {
  eventId: z.guid(),
  subject: Subject,
  occurredAt: Instant,
  recordedAt: Instant,
  correlationId: z.string().min(1).optional(),
  causationId: z.string().min(1).optional(),
  sourcePosition: z.string().regex(/^(0|[1-9][0-9]*)$/, 'a non-negative decimal integer'),
};

/** Builds one versioned contract: the envelope with a literal type, version 1 and subject kind. */
export function contractEvent<Type extends string, Kind extends SubjectKind, Data extends z.ZodType>(
  type: Type,
  kind: Kind,
  data: Data,
) {
  return z
    .object({
      ...EnvelopeFields,
      type: z.literal(type),
      version: z.literal(1),
      subject: z.object({ kind: z.literal(kind), id: z.string().min(1) }),
      data,
    })
    .describe(`${type} v1`);
}

/** The envelope alone, for code that routes messages before knowing their type. */
export const Envelope = z.object({
  ...EnvelopeFields,
  type: z.string().min(1),
  version: z.number().int().positive(),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;
