import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../api/client';
import type { Consumers, Readiness } from './ops-types';

export const POLL_MS = 3_000;
/** Ten minutes of readings at one every POLL_MS. */
const WINDOW = 200;

/** One consumer's lag at one instant. */
export interface LagSample {
  readonly at: Date;
  readonly consumer: string;
  readonly lagEvents: number;
}

export interface ConsumerReading {
  readonly consumers: Consumers;
  readonly readiness: Readiness;
  /** Every reading of the window, oldest first. */
  readonly samples: readonly LagSample[];
}

/**
 * Readiness answers 503 with the same body when a check is down, which is
 * still the lag to show: read it whatever the status (it is public).
 */
async function readiness(): Promise<Readiness> {
  const response = await fetch('/health/ready', { headers: { Accept: 'application/json' } });
  return (await response.json()) as Readiness;
}

/**
 * The consumers of the log (GET /ops/consumers: positions, caught up, errors)
 * and their lag in events (the service's own count, as readiness reports it),
 * read every few seconds; each reading joins a rolling window kept while the
 * page is open, which the chart draws.
 */
export function useConsumerLag() {
  const window = useRef<LagSample[]>([]);
  return useQuery({
    queryKey: ['ops-consumer-lag'],
    queryFn: async (): Promise<ConsumerReading> => {
      const [consumers, ready] = await Promise.all([api<Consumers>('/ops/consumers'), readiness()]);
      const at = new Date();
      const fresh: LagSample[] = Object.entries(ready.details.readModels.models).map(([consumer, lag]) => ({
        at,
        consumer,
        lagEvents: lag.lagEvents,
      }));
      if (consumers.relay.enabled)
        fresh.push({ at, consumer: consumers.relay.relayName, lagEvents: consumers.relay.lagEvents });
      window.current = [...window.current, ...fresh].slice(-WINDOW * Math.max(fresh.length, 1));
      return { consumers, readiness: ready, samples: window.current };
    },
    refetchInterval: POLL_MS,
    // Every reading is a point on the chart, never one served from the cache.
    staleTime: 0,
    gcTime: 0,
  });
}
