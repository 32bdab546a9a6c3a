import {
  rareEarthAnnouncements,
  rareEarthPolicyHistory,
  type SeedAnnouncementEvent,
  type SeedPolicyEvent,
} from '@licensing/domain';
import type { DecidedEvent } from './decided-events';

/** The seeded rare-earth policy history as the seeder appends it: ids, streams and recorded times from the seed. */
export function seededPolicy(): DecidedEvent[] {
  return rareEarthPolicyHistory().map(asAppended);
}

/** The seeded announcements (No. 70, No. 72) as the seeder appends them after the measure streams. */
export function seededAnnouncements(): DecidedEvent[] {
  return rareEarthAnnouncements().map(asAppended);
}

function asAppended({ eventId, streamId, event, metadata }: SeedPolicyEvent | SeedAnnouncementEvent): DecidedEvent {
  return {
    streamId,
    id: eventId,
    type: event.type,
    version: event.schemaVersion,
    data: event.data,
    metadata: {
      actor: metadata.actor.id,
      role: metadata.actor.role,
      // As envelopeMetadata: the seed acts as the system, so neither is there, but a copy must not drift.
      ...(metadata.actor.issuer === undefined ? {} : { issuer: metadata.actor.issuer }),
      ...(metadata.actor.exporterIds === undefined ? {} : { exporterIds: [...metadata.actor.exporterIds] }),
      commandId: metadata.commandId,
      correlationId: metadata.commandId,
      causationId: metadata.commandId,
      occurredAt: metadata.occurredAt,
      recordedAt: metadata.recordedAt,
    },
  };
}
