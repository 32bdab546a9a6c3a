import { Role } from '../../shared/metadata';
import { AnnouncementAct, AnnouncementActInput } from '../announcement/announcement-acts';
import { AnnouncementCommand, ActOutcome } from '../announcement/announcement-commands';
import { AnnouncementEvent } from '../announcement/announcement-events';
import { metadata } from './measure-fixtures';

/** Small builders for the announcement specs: an extension of No. 70's suspension, announced as "No. 80 of 2026". */
export const ANNOUNCEMENT_ID = 'no-80-2026';

export const extendNo57: AnnouncementActInput = {
  kind: 'extend',
  actId: 'extend-no-57-2025',
  measureId: 'no-57-2025',
  suspensionId: 'no-70-2025',
  until: '2027-11-10',
};
export const suspendNo18: AnnouncementActInput = {
  kind: 'suspend',
  actId: 'suspend-no-18-2025',
  measureId: 'no-18-2025',
  from: '2026-11-10',
  until: '2027-11-10',
};

const facts = {
  announcementId: ANNOUNCEMENT_ID,
  number: 'No. 80 of 2026',
  issuer: 'MOFCOM',
  publishedOn: '2026-11-05',
  textRef: 'MOFCOM Announcement No. 80 of 2026',
};

export function recordAnnouncement(
  acts: AnnouncementActInput[] = [extendNo57, suspendNo18],
  role: Role = 'policy_officer',
): AnnouncementCommand {
  return { type: 'RecordAnnouncement', data: { ...facts, acts }, metadata: metadata(role, '2026-11-05T02:00:00Z') };
}

/** The acts as recorded: the suspension takes the announcement's id as its own. */
export const recordedActs: AnnouncementAct[] = [extendNo57, { ...suspendNo18, suspensionId: ANNOUNCEMENT_ID }];

export const announcementRecorded: AnnouncementEvent = {
  type: 'AnnouncementRecorded',
  schemaVersion: 1,
  data: { ...facts, acts: recordedActs },
};

export function recordOutcome(actId: string, outcome: ActOutcome, role: Role = 'system'): AnnouncementCommand {
  return {
    type: 'RecordAnnouncementActOutcome',
    data: { announcementId: ANNOUNCEMENT_ID, actId, outcome },
    metadata: metadata(role, '2026-11-05T02:00:01Z'),
  };
}

const appliedTo57 = { eventId: 'e-57-2', eventType: 'SuspensionExtended', revision: 2 };
export const appliedOutcome: Extract<ActOutcome, { state: 'applied' }> = { state: 'applied', ...appliedTo57 };

export const no57Extended: AnnouncementEvent = {
  type: 'AnnouncementActApplied',
  schemaVersion: 1,
  data: { announcementId: ANNOUNCEMENT_ID, actId: extendNo57.actId, measureId: 'no-57-2025', ...appliedTo57 },
};
