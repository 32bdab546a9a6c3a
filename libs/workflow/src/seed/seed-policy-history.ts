import { rareEarthPolicyHistory, type SeedPolicyEvent } from '@licensing/domain';
import type { EventStore, ProposedEvent } from '@licensing/event-store';
import { envelopeMetadata } from '../shared/envelope-metadata';

export interface SeedReport {
  streams: number;
  events: number;
}

function proposed(seed: SeedPolicyEvent): ProposedEvent {
  return {
    id: seed.eventId,
    type: seed.event.type,
    version: seed.event.schemaVersion,
    data: seed.event.data,
    metadata: envelopeMetadata(seed.metadata, seed.metadata.recordedAt),
  };
}

/**
 * Appends the real rare-earth policy history once. Each measure's seed events
 * go to its stream as one append from revision 0 with deterministic ids, so
 * a second start is an idempotent no-op in the store, even when a policy
 * officer has appended to that stream since.
 */
export async function seedPolicyHistory(
  store: EventStore,
  history: readonly SeedPolicyEvent[] = rareEarthPolicyHistory(),
): Promise<SeedReport> {
  const byStream = new Map<string, SeedPolicyEvent[]>();
  for (const seed of history) byStream.set(seed.streamId, [...(byStream.get(seed.streamId) ?? []), seed]);
  for (const [streamId, seeds] of byStream) {
    await store.append(streamId, seeds.map(proposed), { expectedRevision: 'no_stream' });
  }
  return { streams: byStream.size, events: history.length };
}
