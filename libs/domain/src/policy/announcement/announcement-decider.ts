import { requireRole } from '../../authorization/permissions';
import { assertNever, Decider } from '../../shared/decider';
import { DomainError, IllegalTransitionError, NotFoundError } from '../../shared/errors';
import { MEASURE_EVENT_OF_ACT, recordedAct } from './announcement-acts';
import { AnnouncementCommand, RecordAnnouncement, RecordAnnouncementActOutcome } from './announcement-commands';
import { AnnouncementEvent } from './announcement-events';
import { AnnouncementState, evolveAnnouncement, initialAnnouncementState } from './announcement-state';

const AGGREGATE = 'announcement';

function record(command: RecordAnnouncement, state: AnnouncementState): AnnouncementEvent[] {
  requireRole(command.type, command.metadata.actor, 'record an announcement');
  if (state.status === 'recorded') {
    const { number, publishedOn } = state.announcement;
    throw new IllegalTransitionError(
      AGGREGATE,
      command.type,
      `already recorded (${number}, published on ${publishedOn})`,
      'An announcement is recorded once with all its acts; a later announcement that changes them is recorded under its own id.',
    );
  }
  const { acts, ...facts } = command.data;
  if (acts.length === 0) {
    throw new DomainError(
      'announcement.no_acts',
      `${facts.number} orders no act. Give at least one act (suspend, extend, lift, repeal or amend) on a measure.`,
    );
  }
  const actIds = acts.map((act) => act.actId);
  const repeated = [...new Set(actIds.filter((id, i) => actIds.indexOf(id) !== i))];
  if (repeated.length > 0) {
    throw new DomainError(
      'announcement.duplicate_act',
      `Act ids must be unique within an announcement; repeated: ${repeated.join(', ')}.`,
      { repeated },
    );
  }
  const recorded = acts.map((act) => recordedAct(act, facts.announcementId));
  return [{ type: 'AnnouncementRecorded', schemaVersion: 1, data: { ...facts, acts: recorded } }];
}

function recordOutcome(command: RecordAnnouncementActOutcome, state: AnnouncementState): AnnouncementEvent[] {
  requireRole(command.type, command.metadata.actor, "record how an announcement's act went");
  const { announcementId, actId, outcome } = command.data;
  if (state.status !== 'recorded') {
    throw new NotFoundError('announcement.not_found', `No announcement ${announcementId} has been recorded.`);
  }
  const act = state.announcement.acts.find((a) => a.actId === actId);
  if (act === undefined) {
    throw new NotFoundError(
      'announcement.unknown_act',
      `${state.announcement.number} has no act ${actId}; its acts: ${state.announcement.acts.map((a) => a.actId).join(', ')}.`,
      { actId },
    );
  }
  const settled = state.settled[actId];
  if (settled !== undefined) {
    throw new IllegalTransitionError(
      AGGREGATE,
      command.type,
      `settled for act ${actId} (${settled})`,
      'Each act is applied to its measure exactly once; its outcome stands.',
    );
  }
  const { measureId } = act;
  if (outcome.state === 'refused') {
    const { code, reason } = outcome;
    return [
      { type: 'AnnouncementActRefused', schemaVersion: 1, data: { announcementId, actId, measureId, code, reason } },
    ];
  }
  const expected = MEASURE_EVENT_OF_ACT[act.kind];
  if (outcome.eventType !== expected) {
    throw new DomainError(
      'announcement.outcome_mismatch',
      `A ${act.kind} act records ${expected} on its measure, not ${outcome.eventType}.`,
      { actId, expected, actual: outcome.eventType },
    );
  }
  const { eventId, eventType, revision } = outcome;
  return [
    {
      type: 'AnnouncementActApplied',
      schemaVersion: 1,
      data: { announcementId, actId, measureId, eventId, eventType, revision },
    },
  ];
}

/**
 * An announcement and the fate of each act it orders. Recording it changes
 * no measure: the process manager applies the acts, each to its measure's
 * own decider, and records the outcome here, so the announcement shows which
 * acts are applied and which a measure refused.
 */
export const announcementDecider: Decider<AnnouncementCommand, AnnouncementEvent, AnnouncementState> = {
  initialState: initialAnnouncementState,
  evolve: evolveAnnouncement,
  decide(command, state) {
    switch (command.type) {
      case 'RecordAnnouncement':
        return record(command, state);
      case 'RecordAnnouncementActOutcome':
        return recordOutcome(command, state);
      default:
        return assertNever(command, 'announcement command');
    }
  },
};
