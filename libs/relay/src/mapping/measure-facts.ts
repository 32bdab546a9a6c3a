import type { ControlMeasureEvent } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { MappingError } from './mapping-error';

/**
 * What the relay remembers about one control measure: the facts every
 * `control-measure.changed` repeats but only the publication carries.
 */
export interface MeasureFacts {
  readonly measureId: string;
  readonly announcementNumber: string;
  readonly title: string;
  /** Number of events folded in: the measure's version as decision records cite it. */
  readonly version: number;
  readonly revision: bigint;
}

/** Folds one control-measure event; a redelivered revision changes nothing, a gap throws. */
export function evolveMeasureFacts(
  previous: MeasureFacts | null,
  event: RecordedEvent,
  domainEvent: ControlMeasureEvent,
): MeasureFacts {
  if (previous !== null && event.revision <= previous.revision) return previous;
  const expected = previous === null ? 0n : previous.revision + 1n;
  if (event.revision !== expected) {
    throw new MappingError(
      event,
      `the measure facts hold revision ${previous?.revision ?? 'none'}, so the next event must be revision ${expected}. Rebuild them by folding the stream from revision 0.`,
    );
  }
  if (domainEvent.type === 'MeasurePublished') {
    const { measureId, announcementNumber, title } = domainEvent.data;
    return { measureId, announcementNumber, title, version: 1, revision: event.revision };
  }
  if (previous === null) throw new MappingError(event, 'the measure stream does not start with MeasurePublished');
  const corrected = domainEvent.type === 'CorrectionRecorded' && domainEvent.data.correction.field === 'title';
  const title = corrected ? (domainEvent.data.correction.value as string) : previous.title;
  return { ...previous, title, version: previous.version + 1, revision: event.revision };
}
