import { assertNever } from '../../shared/decider';
import { LegalDate } from '../../shared/dates';
import { AnnouncementAct } from './announcement-acts';
import { AnnouncementEvent } from './announcement-events';

export interface AnnouncementFacts {
  readonly announcementId: string;
  readonly number: string;
  readonly issuer: string;
  readonly publishedOn: LegalDate;
  readonly textRef: string;
  readonly acts: readonly AnnouncementAct[];
}

/** An act the process manager has settled: its measure accepted it, or refused it for good. */
export type ActSettlement = 'applied' | 'refused';

export type AnnouncementState =
  | { readonly status: 'unrecorded' }
  | {
      readonly status: 'recorded';
      readonly announcement: AnnouncementFacts;
      /** By act id; an act not here is pending. */
      readonly settled: Readonly<Record<string, ActSettlement>>;
    };

export const initialAnnouncementState: AnnouncementState = { status: 'unrecorded' };

/** Total, like every evolve: history read from storage never throws here. */
export function evolveAnnouncement(state: AnnouncementState, event: AnnouncementEvent): AnnouncementState {
  switch (event.type) {
    case 'AnnouncementRecorded':
      return state.status === 'unrecorded' ? { status: 'recorded', announcement: event.data, settled: {} } : state;
    case 'AnnouncementActApplied':
    case 'AnnouncementActRefused': {
      if (state.status !== 'recorded') return state;
      const settlement: ActSettlement = event.type === 'AnnouncementActApplied' ? 'applied' : 'refused';
      return { ...state, settled: { ...state.settled, [event.data.actId]: settlement } };
    }
    default:
      return assertNever(event, 'announcement event');
  }
}

/** The acts not yet settled, in the order the announcement gives them. */
export function pendingActs(state: AnnouncementState): AnnouncementAct[] {
  if (state.status !== 'recorded') return [];
  return state.announcement.acts.filter((act) => state.settled[act.actId] === undefined);
}
