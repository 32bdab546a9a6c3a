import { z } from 'zod';
import { LegalDate } from '../../shared/dates';
import { IdInput, LIST_LIMITS, NameInput, TextInput } from '../../shared/input-fields';
import { Command } from '../../shared/metadata';
import { AnnouncementActInput } from './announcement-acts';

/** A policy officer transcribes an announcement and the acts it orders, all at once. */
export const RecordAnnouncementData = z.object({
  announcementId: IdInput.describe("The announcement's id, as measures name it in `orderedBy`, e.g. `no-70-2025`."),
  number: NameInput.describe('As cited, e.g. `No. 70 of 2025`.'),
  issuer: NameInput,
  publishedOn: LegalDate,
  textRef: TextInput.describe('Where the text is: a URL or a citation.'),
  // At least one: refused by the decider (422, with its reason) rather than by the schema.
  acts: z
    .array(AnnouncementActInput)
    .max(LIST_LIMITS.acts)
    .describe('In the order they are applied, each to its measure, exactly once.'),
});

/** How applying one act went, as the process manager saw it. */
export const ActOutcome = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('applied'),
    eventId: z.string().min(1),
    eventType: z.string().min(1),
    revision: z.number().int().min(0),
  }),
  z.object({ state: z.literal('refused'), code: z.string().min(1), reason: z.string().min(1) }),
]);
export type ActOutcome = z.infer<typeof ActOutcome>;

export const RecordAnnouncementActOutcomeData = z.object({
  announcementId: IdInput,
  actId: IdInput,
  outcome: ActOutcome,
});

export type RecordAnnouncement = Command<'RecordAnnouncement', z.infer<typeof RecordAnnouncementData>>;
export type RecordAnnouncementActOutcome = Command<
  'RecordAnnouncementActOutcome',
  z.infer<typeof RecordAnnouncementActOutcomeData>
>;
export type AnnouncementCommand = RecordAnnouncement | RecordAnnouncementActOutcome;
