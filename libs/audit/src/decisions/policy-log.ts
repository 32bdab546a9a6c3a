import { ControlMeasureEvent, controlMeasureStreamId, type RecordedPolicyEvent } from '@licensing/domain';
import type { EventStore, RecordedEvent } from '@licensing/event-store';
import { readVerifiedStream, type StreamIntegrity } from './stream-integrity';

/** A policy event as the domain's bitemporal functions take it, with the envelope it came in. */
export interface PolicyLogEvent {
  readonly recorded: RecordedPolicyEvent;
  readonly envelope: RecordedEvent;
}

/** The policy log of some measures, read from the event store with each stream's chain checked. */
export interface PolicyLog {
  /** Stream order within each measure; measures by id. */
  readonly events: readonly PolicyLogEvent[];
  /** One per measure stream read, by measure id. */
  readonly integrity: readonly StreamIntegrity[];
  /** Events left out because they do not fit the domain schema, each said in words. */
  readonly unreadable: readonly string[];
}

/**
 * Reads `control-measure-<id>` for every measure id, as stored to check its
 * chain and upcast to parse it; recorded time is the envelope's `recordedAt`
 * (when we learned the fact), never the payload's.
 */
export async function readPolicyLog(store: EventStore, measureIds: Iterable<string>): Promise<PolicyLog> {
  const events: PolicyLogEvent[] = [];
  const integrity: StreamIntegrity[] = [];
  const unreadable: string[] = [];
  for (const measureId of [...new Set(measureIds)].sort()) {
    const stream = await readVerifiedStream(store, controlMeasureStreamId(measureId));
    integrity.push(stream.integrity);
    for (const envelope of stream.events) {
      const parsed = ControlMeasureEvent.safeParse({
        type: envelope.type,
        schemaVersion: envelope.version,
        data: envelope.data,
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
        unreadable.push(
          `${envelope.streamId} revision ${envelope.revision} (${envelope.type} v${envelope.version}) does not match the domain schema, so the replay left it out: ${issues}.`,
        );
        continue;
      }
      const recorded: RecordedPolicyEvent = {
        measureId,
        revision: Number(envelope.revision),
        recordedAt: envelope.metadata.recordedAt,
        event: parsed.data,
      };
      events.push({ recorded, envelope });
    }
  }
  return { events, integrity, unreadable };
}
