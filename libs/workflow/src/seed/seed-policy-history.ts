import {
  rareEarthAnnouncements,
  rareEarthPolicyHistory,
  type SeedAnnouncementEvent,
  type SeedPolicyEvent,
} from '@licensing/domain';
import type { EventStore, ProposedEvent } from '@licensing/event-store';
import { envelopeMetadata } from '../shared/envelope-metadata';

export interface SeedReport {
  streams: number;
  events: number;
}

type SeedEvent = SeedPolicyEvent | SeedAnnouncementEvent;

function proposed(seed: SeedEvent): ProposedEvent {
  return {
    id: seed.eventId,
    type: seed.event.type,
    version: seed.event.schemaVersion,
    data: seed.event.data,
    metadata: envelopeMetadata(seed.metadata, seed.metadata.recordedAt),
  };
}

/**
 * Appends the real rare-earth policy history once: the measure streams, then
 * the announcements that ordered their changes (No. 70, No. 72). Each
 * stream's seed events go as one append from revision 0 with deterministic
 * ids, so a second start is an idempotent no-op in the store, even when a
 * policy officer has appended to that stream since; and a store seeded before
 * the announcements existed gets exactly their streams on its next start.
 */
export async function seedPolicyHistory(
  store: EventStore,
  history: readonly SeedPolicyEvent[] = rareEarthPolicyHistory(),
  announcements: readonly SeedAnnouncementEvent[] = rareEarthAnnouncements(history),
): Promise<SeedReport> {
  const byStream = new Map<string, SeedEvent[]>();
  for (const seed of [...history, ...announcements])
    byStream.set(seed.streamId, [...(byStream.get(seed.streamId) ?? []), seed]);
  for (const [streamId, seeds] of byStream) {
    await store.append(streamId, seeds.map(proposed), { expectedRevision: 'no_stream' });
  }
  return { streams: byStream.size, events: history.length + announcements.length };
}
