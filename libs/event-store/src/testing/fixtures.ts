import { randomUUID } from 'node:crypto';
import { EventMetadata, ProposedEvent } from '../envelope';
import { EventStore } from '../event-store';
import { Upcasters } from '../upcasters';

/** What `eventStoreContract` gives the adapter factory; adapters must honour it. */
export interface ContractStoreSettings {
  readonly upcasters: Upcasters;
}

/**
 * Guarantees an adapter may lack because its server does not give them; the
 * contract then checks the weaker behaviour the adapter declares instead.
 */
export interface ContractGuarantees {
  /** SQLite: yes. EventStoreDB: no — it de-duplicates event ids per stream only. */
  readonly eventIdsUniqueAcrossStreams: boolean;
}

export const FULL_GUARANTEES: ContractGuarantees = { eventIdsUniqueAcrossStreams: true };

export interface StoreUnderTest {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

export type CreateStore = (settings: ContractStoreSettings) => Promise<StoreUnderTest>;

/**
 * The contract's upcasting fixture: `ContractRenamed` v1 {name} → v2
 * {fullName} → v3 {fullName, source}.
 */
export const contractUpcasters = (): Upcasters =>
  new Upcasters([
    { type: 'ContractRenamed', fromVersion: 1, upcast: (data) => ({ fullName: (data as { name: string }).name }) },
    { type: 'ContractRenamed', fromVersion: 2, upcast: (data) => ({ ...(data as object), source: 'upcast' }) },
  ]);

export const fixedMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'user-1',
  role: 'licensing_officer',
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: 'command-1',
  occurredAt: '2026-01-15T09:00:00.000Z',
  recordedAt: '2026-01-15T09:00:01.000Z',
  ...overrides,
});

export function proposed(type = 'ContractHappened', data: unknown = { n: 1 }, version = 1): ProposedEvent {
  return { id: randomUUID(), type, version, data, metadata: fixedMetadata() };
}

export function proposedMany(count: number, type = 'ContractHappened'): ProposedEvent[] {
  return Array.from({ length: count }, (_, n) => proposed(type, { n }));
}

/**
 * Stream ids unique to one test, so the suite also runs against a shared
 * server (EventStoreDB) whose `$all` holds other tests' events.
 */
export function uniqueStreams() {
  const tag = randomUUID().replace(/-/g, '').slice(0, 12);
  return {
    prefix: (category: string) => `${category}${tag}-`,
    stream: (category: string, id: string | number = 1) => `${category}${tag}-${id}`,
    mine: (streamId: string) => streamId.includes(tag),
  };
}

/** Polls until `check` passes (or throws its last failure after the timeout). */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(10);
    }
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a promise to its outcome without throwing, for races. */
export async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
