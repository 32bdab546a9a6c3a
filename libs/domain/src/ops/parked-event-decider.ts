import { requireRole } from '../authorization/permissions';
import { assertNever, Decider } from '../shared/decider';
import { IllegalTransitionError } from '../shared/errors';
import { ParkedEventCommand, RetryParkedEvent, SkipParkedEvent } from './parked-event-commands';
import { ParkedEventDecision } from './parked-event-events';

/**
 * What ops decided so far about one parked event: nothing yet, retried while
 * it kept failing, applied by a retry, or skipped for good. The last two are
 * final: the consumer has moved past it either way.
 */
export type ParkedEventState =
  | { readonly status: 'undecided' }
  | { readonly status: 'parked'; readonly retries: number }
  | { readonly status: 'resolved'; readonly retries: number }
  | { readonly status: 'skipped'; readonly retries: number; readonly reason: string };

export const initialParkedEventState: ParkedEventState = { status: 'undecided' };

const retriesOf = (state: ParkedEventState) => (state.status === 'undecided' ? 0 : state.retries);

export function evolveParkedEvent(state: ParkedEventState, event: ParkedEventDecision): ParkedEventState {
  switch (event.type) {
    case 'ParkedEventRetried': {
      const retries = retriesOf(state) + 1;
      return event.data.outcome === 'applied' ? { status: 'resolved', retries } : { status: 'parked', retries };
    }
    case 'ParkedEventSkipped':
      return { status: 'skipped', retries: retriesOf(state), reason: event.data.reason };
    default:
      return assertNever(event, 'parked event decision');
  }
}

/**
 * Refuses a decision on an event that is no longer parked. The service asks
 * before it re-applies anything, so a refused retry has no effect at all.
 */
export function requireStillParked(state: ParkedEventState, action: 'retry' | 'skip'): void {
  if (state.status === 'resolved')
    throw new IllegalTransitionError(
      'parked_event',
      action,
      'resolved',
      'A retry applied it; there is nothing left to decide.',
    );
  if (state.status === 'skipped')
    throw new IllegalTransitionError(
      'parked_event',
      action,
      'skipped',
      `It was skipped for good (${state.reason}); a skip is not undone.`,
    );
}

function retry(command: RetryParkedEvent, state: ParkedEventState): ParkedEventDecision[] {
  requireRole(command.type, command.metadata.actor, 'retry a parked event');
  requireStillParked(state, 'retry');
  const { parkedEventId, parked, reason, outcome, error } = command.data;
  const { error: previousError, attempts: attemptsBefore, ...facts } = parked;
  return [
    {
      type: 'ParkedEventRetried',
      schemaVersion: 1,
      data: {
        parkedEventId,
        ...facts,
        previousError,
        attemptsBefore,
        reason: reason ?? null,
        outcome,
        error: outcome === 'applied' ? null : (error ?? 'failed without a message'),
      },
    },
  ];
}

function skip(command: SkipParkedEvent, state: ParkedEventState): ParkedEventDecision[] {
  requireRole(command.type, command.metadata.actor, 'skip a parked event');
  requireStillParked(state, 'skip');
  const { parkedEventId, parked, reason } = command.data;
  const { error: lastError, ...facts } = parked;
  return [{ type: 'ParkedEventSkipped', schemaVersion: 1, data: { parkedEventId, ...facts, lastError, reason } }];
}

/** Ops decisions on a parked event: retry it (recording how that went) or skip it for good, each once it is final. */
export const parkedEventDecider: Decider<ParkedEventCommand, ParkedEventDecision, ParkedEventState> = {
  initialState: initialParkedEventState,
  evolve: evolveParkedEvent,
  decide(command, state) {
    switch (command.type) {
      case 'RetryParkedEvent':
        return retry(command, state);
      case 'SkipParkedEvent':
        return skip(command, state);
      default:
        return assertNever(command, 'parked event command');
    }
  },
};
