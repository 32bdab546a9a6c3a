import { z } from 'zod';
import { LegalDate } from '../../shared/dates';
import { AnnouncementAct } from './announcement-acts';

/**
 * Events of the `announcement-<id>` stream. The id is the announcement's own
 * measure-style id (`no-70-2025`), so the `orderedBy` of every change it
 * made names it. Payloads keep permissive schemas, like the measure events.
 */
export function announcementStreamId(announcementId: string): string {
  return `announcement-${announcementId}`;
}

const Id = z.string().min(1);

export const AnnouncementRecorded = z.object({
  type: z.literal('AnnouncementRecorded'),
  schemaVersion: z.literal(1),
  data: z.object({
    announcementId: Id,
    /** As cited, e.g. `No. 70 of 2025`. */
    number: z.string().min(1),
    issuer: z.string().min(1),
    publishedOn: LegalDate,
    /** Where the text is: a URL or a citation (gazette, file number). */
    textRef: z.string().min(1),
    /** In the order they are applied. */
    acts: z.array(AnnouncementAct),
  }),
});

/** The act's measure accepted it: the event it recorded there. */
export const AnnouncementActApplied = z.object({
  type: z.literal('AnnouncementActApplied'),
  schemaVersion: z.literal(1),
  data: z.object({
    announcementId: Id,
    actId: Id,
    measureId: Id,
    eventId: Id,
    eventType: Id,
    /** The measure event's place in its stream. */
    revision: z.number().int().min(0),
  }),
});

/** The act's measure refused it (recorded once, never retried): its refusal's code and message. */
export const AnnouncementActRefused = z.object({
  type: z.literal('AnnouncementActRefused'),
  schemaVersion: z.literal(1),
  data: z.object({
    announcementId: Id,
    actId: Id,
    measureId: Id,
    code: z.string().min(1),
    reason: z.string().min(1),
  }),
});

export const AnnouncementEvent = z.discriminatedUnion('type', [
  AnnouncementRecorded,
  AnnouncementActApplied,
  AnnouncementActRefused,
]);
export type AnnouncementEvent = z.infer<typeof AnnouncementEvent>;
export type AnnouncementRecorded = z.infer<typeof AnnouncementRecorded>;
export type AnnouncementActApplied = z.infer<typeof AnnouncementActApplied>;
export type AnnouncementActRefused = z.infer<typeof AnnouncementActRefused>;
