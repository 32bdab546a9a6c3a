import type { LicenseRelay } from '@licensing/relay';
import {
  type ParkedEventRetryResult,
  type ParkedEventSource,
  type ParkedEventStatus,
  type ParkedEventView,
  parkedEventView,
  parseParkedEventId,
  RELAY,
} from '@licensing/workflow';

/** The events this relay dead-lettered (relay.sqlite), as ops see and decide them; ids `relay:<position>` as the service's. */
export class RelayParkedEvents implements ParkedEventSource {
  readonly listedAt = 'GET /relay/parked-events';

  constructor(private readonly relay: LicenseRelay) {}

  /** Oldest position first; only those in `state` when it is given. */
  async list(state?: ParkedEventStatus): Promise<ParkedEventView[]> {
    const parked = await this.relay.parkedEvents();
    return parked
      .map((event) => parkedEventView(RELAY, 'relay', event))
      .filter((event) => state === undefined || event.state === state);
  }

  async find(id: string): Promise<ParkedEventView | null> {
    const named = parseParkedEventId(id);
    if (named?.where !== RELAY) return null;
    const parked = (await this.relay.parkedEvents()).find((event) => event.position === named.position);
    return parked ? parkedEventView(RELAY, 'relay', parked) : null;
  }

  retry(parked: ParkedEventView): Promise<ParkedEventRetryResult> {
    return this.relay.retryParked(BigInt(parked.position));
  }

  skip(parked: ParkedEventView): Promise<void> {
    return this.relay.skipParked(BigInt(parked.position));
  }
}
