import {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  EventData,
  jsonEvent,
  JSONType,
  RecordedEvent as ClientRecordedEvent,
  ResolvedEvent,
} from '@eventstore/db-client';
import { EventMetadata, EventStoreError, RecordedEvent, SealedEvent } from '@licensing/event-store';
import { z } from 'zod';
import { isSystemEvent } from './filters';
import { positionOf } from './positions';

/**
 * How our envelope sits in an EventStoreDB event. The event id, type,
 * stream and revision are EventStoreDB's own; `data` is the JSON body;
 * everything else travels in the event's metadata JSON:
 *
 *   { "$correlationId", "$causationId",   ← EventStoreDB's names, so its
 *                                           $by_correlation_id projection works
 *     "schemaVersion": 1,
 *     "integrity": { "prevHash", "hash" },
 *     "metadata": { actor, role, commandId, occurredAt, recordedAt, … } }
 */
const storedMetadataSchema = z.object({
  $correlationId: z.string().optional(),
  $causationId: z.string().optional(),
  schemaVersion: z.number().int().min(1),
  integrity: z.object({ prevHash: z.string().regex(/^[0-9a-f]{64}$/), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  metadata: z.looseObject({
    actor: z.string(),
    role: z.string(),
    commandId: z.string(),
    occurredAt: z.string(),
    recordedAt: z.string(),
  }),
});

export type StoredMetadata = z.infer<typeof storedMetadataSchema>;

/** A sealed event as the client's append input. */
export function toEventData(event: SealedEvent): EventData {
  const { correlationId, causationId, ...rest } = event.metadata;
  const metadata: StoredMetadata = {
    $correlationId: correlationId,
    $causationId: causationId,
    schemaVersion: event.version,
    integrity: event.integrity,
    metadata: rest,
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client JSON.stringifies `data` whatever its JSON type; its JSONType
    // only lists the shapes of typical payloads. sealEvents has already made
    // `data` plain JSON, so null, numbers and booleans round-trip too.
    data: event.data as JSONType,
    metadata,
  });
}

/** An event written by this adapter, as the port's (not upcast). Anything else is refused, never guessed at. */
export function fromClientEvent(event: ClientRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  const refuse = (reason: string): never => {
    throw new EventStoreError(
      'event_store.malformed_event',
      `Event ${event.id} at ${event.streamId}@${event.revision} is not an envelope written by this system: ${reason}. ` +
        'Only this service may write to its streams; move foreign events to streams outside its categories or a `$`-prefixed stream.',
      { eventId: event.id, streamId: event.streamId, revision: String(event.revision) },
    );
  };
  if (!event.isJson) refuse('its data is not JSON');
  if (!event.position) refuse('the server sent no position; EventStoreDB 22.10 or newer is required');
  const parsed = storedMetadataSchema.safeParse(event.metadata);
  if (!parsed.success) refuse(`its metadata does not match (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`);
  const stored = parsed.data!;
  const metadata = {
    ...stored.metadata,
    ...(stored.$correlationId === undefined ? {} : { correlationId: stored.$correlationId }),
    ...(stored.$causationId === undefined ? {} : { causationId: stored.$causationId }),
  } as EventMetadata;
  return {
    id: event.id,
    type: event.type,
    version: stored.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    position: positionOf(event.position!),
    data: event.data,
    metadata,
    integrity: { prevHash: stored.integrity.prevHash, hash: stored.integrity.hash },
  };
}

/** A read or subscription result as our event, or undefined for what the port never shows (system events). */
export function envelopeFromClient(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  return fromClientEvent(event);
}
