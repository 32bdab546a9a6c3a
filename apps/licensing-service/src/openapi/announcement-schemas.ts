import { AnnouncementAct, Instant, LegalDate } from '@licensing/domain';
import { z } from 'zod';

/** The JSON of the announcements read model's answers (see response-schemas.ts for why zod). */
const Count = z.int().min(0);

export const AnnouncementLink = z
  .object({ announcementId: z.string(), actId: z.string() })
  .describe('The act of a recorded announcement that made this change (GET /announcements/{id}).');

const ActView = z.object({
  act: AnnouncementAct.describe(
    'The act as recorded: a measure command without `orderedBy`, which is the announcement.',
  ),
  state: z.enum(['pending', 'applied', 'refused']),
  measureEvent: z
    .object({ eventId: z.string(), type: z.string(), revision: Count })
    .nullable()
    .describe('The event the act recorded in its measure stream; null unless applied.'),
  refusal: z
    .object({ code: z.string(), reason: z.string() })
    .nullable()
    .describe("The measure's refusal, recorded once and not retried; null unless refused."),
  settledAt: Instant.nullable().describe('When the outcome was recorded; null while pending.'),
});

export const AnnouncementView = z.object({
  announcementId: z.string().describe('The id measures name in `orderedBy`.'),
  number: z.string(),
  issuer: z.string(),
  publishedOn: LegalDate,
  textRef: z.string(),
  recordedAt: Instant,
  recordedBy: z.string().describe('Who recorded it (`seed` for the seeded history).'),
  acts: z.array(ActView).describe('In the order they are applied.'),
  revision: Count.describe('The revision of the announcement stream shown.'),
  status: z
    .enum(['pending', 'settled'])
    .describe('`pending` while any act is; `settled` once each is applied or refused.'),
  actCounts: z.object({ pending: Count, applied: Count, refused: Count }),
});

export const Announcements = z.object({
  announcements: z.array(AnnouncementView).describe('Newest publication first.'),
});
