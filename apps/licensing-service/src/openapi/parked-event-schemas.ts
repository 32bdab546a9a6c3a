import { Instant } from '@licensing/domain';
import { z } from 'zod';

/*
 * The answers of /ops/parked-events, as zod schemas of the JSON on the wire;
 * response-schemas.ts registers them with the others.
 */

const Position = z.string().regex(/^\d{1,20}$/);

export const ParkedEventView = z.object({
  id: z.string().describe('`<where>:<position>`: the path id of its retry and skip.'),
  where: z.string().describe('The read model that parked it (its name), or `relay`.'),
  kind: z.enum(['read_model', 'relay']),
  position: Position.describe('Its position in `$all`.'),
  eventId: z.string(),
  streamId: z.string(),
  eventType: z.string(),
  error: z.string().describe('The last failure: the one it was parked with, or that of the last failed retry.'),
  attempts: z.int().min(1).describe('Failed attempts: those before it was parked and every failed retry since.'),
  firstFailedAt: Instant,
  lastFailedAt: Instant,
  state: z
    .enum(['parked', 'resolved', 'skipped'])
    .describe('`parked`: waiting for ops; `resolved`: a retry applied it; `skipped`: given up for good.'),
  decidedAt: Instant.nullable().describe('When a retry applied it or ops skipped it; null while parked.'),
});

export const ParkedEventList = z.object({
  parkedEvents: z
    .array(ParkedEventView)
    .describe('Every event the read models and the embedded relay parked (in that state, if asked), oldest first.'),
});
