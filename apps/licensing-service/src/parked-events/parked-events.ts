import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@licensing/projections';
import type { ParkedEventRetryResult, ParkedEventSource } from '@licensing/workflow';
import { EmbeddedRelay } from '../relay/embedded-relay';
import {
  type ParkedEventState,
  type ParkedEventView,
  parseParkedEventId,
  readModelView,
  RELAY,
  relayView,
} from './parked-event-view';

export type RetryResult = ParkedEventRetryResult;

const byPosition = (a: ParkedEventView, b: ParkedEventView) => {
  const [x, y] = [BigInt(a.position), BigInt(b.position)];
  return x < y ? -1 : x > y ? 1 : a.where.localeCompare(b.where);
};

/**
 * Every event a consumer in this process parked: the read models' (in the
 * read-model database) and the embedded relay's (in relay.sqlite, and on its
 * dead-letter topic). A relay running as its own process lists and decides
 * its own at /relay/parked-events, through the same `decideParkedEvent`.
 */
@Injectable()
export class ParkedEvents implements ParkedEventSource {
  readonly listedAt = 'GET /ops/parked-events';

  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(EmbeddedRelay) private readonly relay: EmbeddedRelay,
  ) {}

  /** Oldest position first; only those in `state` when it is given. */
  async list(state?: ParkedEventState): Promise<ParkedEventView[]> {
    const all = [
      ...this.projections.parkedEvents.list().map(readModelView),
      ...(await this.relay.parkedEvents()).map(relayView),
    ];
    return all.filter((parked) => state === undefined || parked.state === state).sort(byPosition);
  }

  async find(id: string): Promise<ParkedEventView | null> {
    const named = parseParkedEventId(id);
    if (named === null) return null;
    if (named.where === RELAY) {
      const parked = (await this.relay.parkedEvents()).find((p) => p.position === named.position);
      return parked ? relayView(parked) : null;
    }
    const parked = this.projections.parkedEvents.find(named.where, named.position);
    return parked ? readModelView(parked) : null;
  }

  /** Applies (a read model) or publishes (the relay) the event again; throws when SQLite, the store or the broker fail. */
  retry(parked: ParkedEventView): Promise<RetryResult> {
    const position = BigInt(parked.position);
    return parked.kind === 'relay'
      ? this.relay.retryParked(position)
      : this.projections.parkedEvents.retry(parked.where, position);
  }

  async skip(parked: ParkedEventView): Promise<void> {
    const position = BigInt(parked.position);
    if (parked.kind === 'relay') await this.relay.skipParked(position);
    else this.projections.parkedEvents.skip(parked.where, position);
  }
}
