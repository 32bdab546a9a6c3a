import type { ParkedEvent } from '@licensing/projections';
import type { ParkedRelayEvent } from '@licensing/relay';
import { parkedEventView, RELAY } from '@licensing/workflow';

export {
  factsOf,
  parkedEventId,
  type ParkedEventStatus as ParkedEventState,
  type ParkedEventView,
  parseParkedEventId,
  RELAY,
} from '@licensing/workflow';

export const readModelView = ({ readModel, ...parked }: ParkedEvent) =>
  parkedEventView(readModel, 'read_model', parked);
export const relayView = ({ relayName: _relay, ...parked }: ParkedRelayEvent) =>
  parkedEventView(RELAY, 'relay', parked);
