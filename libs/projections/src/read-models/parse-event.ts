import type { RecordedEvent } from '@licensing/event-store';
import type { z } from 'zod';

/**
 * A stored event that does not fit the domain's schema for its type and
 * version. The projection stops on it (the runner reports and retries)
 * rather than skip it: a read model that silently drops an event lies. The
 * fix is an upcaster for the old version, or a domain schema for the new one.
 */
export class ReadModelSchemaError extends Error {
  override readonly name = 'ReadModelSchemaError';

  constructor(
    readonly projection: string,
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'version' | 'streamId' | 'revision'>,
    readonly issues: string,
  ) {
    super(
      `${projection}: event ${event.id} (${event.type} v${event.version}) at ${event.streamId}@${event.revision} does not match the domain schema: ${issues}. Register an upcaster for this version or fix the schema, then restart the projector.`,
    );
  }
}

/** Zod at the edge: the envelope's `version` is the domain's `schemaVersion`. */
export function parseDomainEvent<Schema extends z.ZodType>(
  projection: string,
  schema: Schema,
  event: RecordedEvent,
): z.infer<Schema> {
  const parsed = schema.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ReadModelSchemaError(projection, event, issues);
  }
  return parsed.data;
}

/** Who did what when, as the envelope recorded it. */
export interface HistoryEntry {
  readonly type: string;
  /** When the command was issued (UTC). */
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly role: string;
  /** Place in the event's own stream. */
  readonly revision: number;
}

export function historyEntry(event: RecordedEvent): HistoryEntry {
  const { actor, role, occurredAt, recordedAt } = event.metadata;
  return { type: event.type, at: occurredAt, recordedAt, actor, role, revision: Number(event.revision) };
}

/** The id after a stream's category prefix: `license-lic-1` → `lic-1`. */
export function idInStream(streamId: string, prefix: string): string {
  return streamId.slice(prefix.length);
}
