import type { Provider } from '@nestjs/common';
import type { EventStore } from '@licensing/event-store';
import { Metrics } from '@licensing/platform';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { LiveTails } from './live-tails';

/** The open live tails, with the LIVE_TAIL_* settings and the service's metrics. */
export const liveTailsProvider: Provider = {
  provide: LiveTails,
  useFactory: (store: EventStore, config: ServiceConfig, metrics: Metrics) =>
    new LiveTails(
      store,
      {
        heartbeatMs: config.LIVE_TAIL_HEARTBEAT_MS,
        bufferEvents: config.LIVE_TAIL_BUFFER_EVENTS,
        maxConnections: config.LIVE_TAIL_MAX_CONNECTIONS,
      },
      metrics,
    ),
  inject: [EVENT_STORE, SERVICE_CONFIG, Metrics],
};
