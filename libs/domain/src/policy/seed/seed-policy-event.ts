import { LegalDate, startOfLegalDate } from '../../shared/dates';
import { Actor, Instant } from '../../shared/metadata';
import { controlMeasureStreamId } from '../measure-decider';
import { ControlMeasureEvent } from '../measure-events';
import { RecordedPolicyEvent } from '../policy-snapshot';
import { deterministicUuid } from './seed-event-id';

/** A policy event ready to append: id, stream, position, payload and envelope metadata. */
export interface SeedPolicyEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly measureId: string;
  /** 0-based position in its stream; the seeder appends with this as the expected revision. */
  readonly revision: number;
  readonly event: ControlMeasureEvent;
  readonly metadata: {
    readonly actor: Actor;
    readonly commandId: string;
    readonly occurredAt: Instant;
    readonly recordedAt: Instant;
  };
}

export interface SeedEntry {
  readonly measureId: string;
  /** The announcement's publication date: the seed says we learned it that day, 00:00 China time. */
  readonly learnedOn: LegalDate;
  readonly event: ControlMeasureEvent;
}

export const SEED_ACTOR: Actor = { id: 'seed', role: 'system' };

/** Numbers each stream's events in the order given and derives ids from stream and revision. */
export function toSeedEvents(entries: readonly SeedEntry[]): SeedPolicyEvent[] {
  const revisions = new Map<string, number>();
  return entries.map(({ measureId, learnedOn, event }) => {
    const revision = revisions.get(measureId) ?? 0;
    revisions.set(measureId, revision + 1);
    const streamId = controlMeasureStreamId(measureId);
    const name = `${streamId}/${revision}/${event.type}`;
    const at = startOfLegalDate(learnedOn);
    return {
      eventId: deterministicUuid(name),
      streamId,
      measureId,
      revision,
      event,
      metadata: { actor: SEED_ACTOR, commandId: `seed:${name}`, occurredAt: at, recordedAt: at },
    };
  });
}

export function toRecordedPolicyEvents(seed: readonly SeedPolicyEvent[]): RecordedPolicyEvent[] {
  return seed.map(({ measureId, revision, event, metadata }) => ({
    measureId,
    revision,
    recordedAt: metadata.recordedAt,
    event,
  }));
}
