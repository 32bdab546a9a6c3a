import { assertNever } from '../../shared/decider';
import { CommandMetadata } from '../../shared/metadata';
import { ControlMeasureCommand } from '../measure-commands';
import { AnnouncementAct } from './announcement-acts';
import { AnnouncementFacts } from './announcement-state';

/**
 * The measure command an act becomes: the act's data, ordered by the
 * announcement. The measure's own decider then accepts or refuses it exactly
 * as it would the same command sent by hand.
 */
export function measureCommandOf(
  announcement: Pick<AnnouncementFacts, 'announcementId'>,
  act: AnnouncementAct,
  metadata: CommandMetadata,
): ControlMeasureCommand {
  const orderedBy = announcement.announcementId;
  switch (act.kind) {
    case 'suspend': {
      const { kind: _kind, actId: _actId, ...data } = act;
      return { type: 'SuspendMeasure', data: { ...data, orderedBy }, metadata };
    }
    case 'extend': {
      const { kind: _kind, actId: _actId, ...data } = act;
      return { type: 'ExtendSuspension', data: { ...data, orderedBy }, metadata };
    }
    case 'lift': {
      const { kind: _kind, actId: _actId, ...data } = act;
      return { type: 'LiftSuspension', data: { ...data, orderedBy }, metadata };
    }
    case 'repeal': {
      const { kind: _kind, actId: _actId, ...data } = act;
      return { type: 'RepealMeasure', data: { ...data, orderedBy }, metadata };
    }
    case 'amend': {
      const { kind: _kind, actId: _actId, ...data } = act;
      return { type: 'AmendMeasure', data: { ...data, orderedBy }, metadata };
    }
    default:
      return assertNever(act, 'announcement act');
  }
}
