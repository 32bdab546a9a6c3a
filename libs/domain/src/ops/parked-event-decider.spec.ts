import { meta } from '../application/fixtures';
import { deciderSpec } from '../testing/decider-spec';
import { ParkedEventCommand, ParkedEventFacts } from './parked-event-commands';
import { ParkedEventDecision } from './parked-event-events';
import { parkedEventDecider } from './parked-event-decider';

const spec = deciderSpec(parkedEventDecider);
const ID = 'license-state:42';
const parked: ParkedEventFacts = {
  where: 'license-state',
  position: '42',
  eventId: 'e-42',
  streamId: 'application-a-1',
  eventType: 'ApplicationDrafted',
  error: 'does not match the domain schema',
  attempts: 5,
};
const facts = { parkedEventId: ID, where: 'license-state', position: '42', eventId: 'e-42' };
const identity = { ...facts, streamId: 'application-a-1', eventType: 'ApplicationDrafted' };

const retry = (outcome: 'applied' | 'failed', error: string | null = null): ParkedEventCommand => ({
  type: 'RetryParkedEvent',
  data: { parkedEventId: ID, parked, reason: 'Upcaster for v0 deployed', outcome, error },
  metadata: meta({ actor: 'ops' }),
});
const skip = (reason = 'Test data appended by hand'): ParkedEventCommand => ({
  type: 'SkipParkedEvent',
  data: { parkedEventId: ID, parked, reason },
  metadata: meta({ actor: 'ops' }),
});

const retried = (outcome: 'applied' | 'failed', error: string | null = null): ParkedEventDecision => ({
  type: 'ParkedEventRetried',
  schemaVersion: 1,
  data: {
    ...identity,
    previousError: parked.error,
    attemptsBefore: 5,
    reason: 'Upcaster for v0 deployed',
    outcome,
    error,
  },
});
const skipped: ParkedEventDecision = {
  type: 'ParkedEventSkipped',
  schemaVersion: 1,
  data: { ...identity, lastError: parked.error, attempts: 5, reason: 'Test data appended by hand' },
};

describe('ops decisions on a parked event', () => {
  it('records a retry and how it went, with the event it was about', () => {
    spec
      .given([])
      .when(retry('applied'))
      .then([retried('applied')]);
    spec
      .given([])
      .when(retry('failed', 'still broken'))
      .then([retried('failed', 'still broken')]);
  });

  it('lets ops retry again while it keeps failing, and skip it then', () => {
    spec
      .given([retried('failed', 'still broken')])
      .when(retry('failed', 'again'))
      .then([retried('failed', 'again')]);
    spec
      .given([retried('failed', 'still broken'), retried('failed', 'again')])
      .when(skip())
      .then([skipped]);
  });

  it('refuses any decision once a retry applied it', () => {
    spec
      .given([retried('applied')])
      .when(retry('applied'))
      .thenThrows('parked_event.illegal_transition', /resolved/);
    spec
      .given([retried('applied')])
      .when(skip())
      .thenThrows('parked_event.illegal_transition', /resolved/);
  });

  it('refuses any decision once it was skipped: a skip is for good', () => {
    spec
      .given([skipped])
      .when(retry('applied'))
      .thenThrows('parked_event.illegal_transition', /skipped for good/);
    spec
      .given([skipped])
      .when(skip('again'))
      .thenThrows('parked_event.illegal_transition', /Test data appended/);
  });

  it('refuses every role but ops', () => {
    const asOfficer = { ...skip(), metadata: meta({ actor: 'licensing_officer' }) };
    spec
      .given([])
      .when(asOfficer)
      .thenThrows('ops.forbidden', /only ops may/);
  });
});
