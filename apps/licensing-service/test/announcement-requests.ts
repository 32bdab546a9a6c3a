import { waitUntil } from '@licensing/contracts/testing';
import type { AnnouncementActInput } from '@licensing/domain';
import { auditor, type ServiceClient } from '@licensing/service-testing';

/** The requests and reads the announcement specs share. */
export const NOW = '2026-11-05T02:00:00.000Z';
export const NO_70_SUSPENDED = ['no-55-2025', 'no-56-2025', 'no-57-2025', 'no-58-2025', 'no-61-2025', 'no-62-2025'];
const extendNo70To = (until: string): AnnouncementActInput[] =>
  NO_70_SUSPENDED.map((measureId) => ({
    kind: 'extend',
    actId: `extend-${measureId}`,
    measureId,
    suspensionId: 'no-70-2025',
    until,
  }));
/** "No. 80 of 2026" (made up): No. 70's suspension of the six measures runs another year, in one announcement. */
export const no80 = {
  announcementId: 'no-80-2026',
  number: 'No. 80 of 2026',
  issuer: 'MOFCOM',
  publishedOn: '2026-11-05',
  textRef: 'MOFCOM Announcement No. 80 of 2026',
  acts: extendNo70To('2027-11-10'),
};

export interface ActView {
  act: { actId: string; measureId: string };
  state: string;
  measureEvent: { eventId: string; type: string; revision: number } | null;
  refusal: { code: string; reason: string } | null;
}

interface AnnouncementBody {
  status: string;
  acts: ActView[];
}

/** The announcement once every act is applied or refused; polled, with a deadline. */
export async function settled(client: ServiceClient, announcementId: string): Promise<AnnouncementBody> {
  let body: AnnouncementBody | undefined;
  await waitUntil(async () => {
    body = (await client.get(`/announcements/${announcementId}`, auditor)).body as AnnouncementBody;
    return body.status === 'settled';
  }, `every act of ${announcementId} to be applied or refused`);
  return body as AnnouncementBody;
}

interface StoredEvent {
  id: string;
  type: string;
  revision: number;
  metadata: { commandId: string };
}

/** The measure's events as stored, by whoever may read the log. */
export async function measureEvents(client: ServiceClient, measureId: string) {
  const page = await client.get(`/audit/streams/control-measure-${measureId}/events?limit=1000`, auditor);
  expect(page.status).toBe(200);
  return (page.body as { events: StoredEvent[] }).events;
}
export const byAnnouncement = (events: { metadata: { commandId: string } }[], announcementId: string) =>
  events.filter((event) => event.metadata.commandId.startsWith(`announcement:${announcementId}:`));
