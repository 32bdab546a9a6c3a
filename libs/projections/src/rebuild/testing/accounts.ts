import { fixedMetadata } from '@licensing/event-store/testing';
import type { ProposedEvent } from '@licensing/event-store';
import { randomUUID } from 'node:crypto';
import type { Projection } from '../../projection';

export interface Tally {
  id: string;
  deposits: number;
  total: number;
}

/** The sum of deposits per account: the read model the rebuild specs rebuild. */
export const tallies: Projection<Tally> = {
  name: 'tallies',
  version: 1,
  filter: { streamPrefixes: ['account-'] },
  keysOf: (event) => [event.streamId],
  evolve(doc, event, key) {
    const amount = (event.data as { amount: number }).amount;
    const current = doc ?? { id: key, deposits: 0, total: 0 };
    return { ...current, deposits: current.deposits + 1, total: current.total + amount };
  },
};

/** Another read model over the same events, counting each call of its evolve: it must not be replayed. */
export function countingLedger(): { projection: Projection<{ events: number }>; evolveCalls: () => number } {
  let calls = 0;
  return {
    projection: {
      name: 'ledger',
      version: 1,
      filter: { streamPrefixes: ['account-'] },
      keysOf: () => ['all'],
      evolve(doc) {
        calls += 1;
        return { events: (doc?.events ?? 0) + 1 };
      },
    },
    evolveCalls: () => calls,
  };
}

export function deposit(amount: number): ProposedEvent {
  return { id: randomUUID(), type: 'Deposited', version: 1, data: { amount }, metadata: fixedMetadata() };
}
