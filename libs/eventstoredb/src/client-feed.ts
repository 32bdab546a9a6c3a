import { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import { envelopeFromClient } from './envelope-codec';
import { toServerFilter } from './filters';
import { subscriptionStart } from './positions';
import { FeedItem, LiveFeed } from './resubscribing-subscription';

/** Stands for the server's "caught up" message inside the event stream (see below). */
const CAUGHT_UP: AllStreamResolvedEvent = Object.freeze({});

/**
 * The LiveFeed on `client.subscribeToAll` with a server-side filter.
 *
 * The client emits `caughtUp` as soon as it transforms the server's message,
 * while events received before it may still wait in the stream's buffer.
 * Pushing a marker into the same stream at that moment puts the signal
 * exactly after those events, so onCaughtUp fires after the handler saw
 * every event of the catch-up (needs a 23.10+ server, which sends it).
 */
export function clientLiveFeed(client: EventStoreDBClient): LiveFeed {
  return {
    open(from, filter) {
      const subscription = client.subscribeToAll({
        fromPosition: subscriptionStart(from),
        filter: toServerFilter(filter),
        resolveLinkTos: false,
      });
      subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
      return {
        items: feedItems(subscription),
        async close() {
          await subscription.unsubscribe().catch(() => undefined);
          subscription.destroy();
        },
      };
    },
  };
}

async function* feedItems(subscription: AllStreamSubscription): AsyncGenerator<FeedItem> {
  for await (const resolved of subscription) {
    if (resolved === CAUGHT_UP) {
      yield { kind: 'caughtUp' };
      continue;
    }
    const event = envelopeFromClient(resolved);
    if (event) yield { kind: 'event', event };
  }
}
