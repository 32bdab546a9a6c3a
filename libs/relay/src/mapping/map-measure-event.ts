import type { ContractMessage, MeasureChange } from '@licensing/contracts';
import { assertNever, type ControlMeasureEvent } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { envelopeOf } from './envelope-of';
import type { MeasureFacts } from './measure-facts';

function changeOf(domainEvent: ControlMeasureEvent): MeasureChange {
  switch (domainEvent.type) {
    case 'MeasurePublished': {
      const { publishedOn, provisions } = domainEvent.data;
      return {
        kind: 'published',
        publishedOn,
        provisions: provisions.map(({ provisionId, summary, effectiveFrom }) => ({
          provisionId,
          summary,
          effectiveFrom,
        })),
      };
    }
    case 'MeasureAmended': {
      const { orderedBy, effectiveOn, provisions, removedProvisionIds } = domainEvent.data;
      return {
        kind: 'amended',
        orderedBy,
        effectiveOn,
        changedProvisionIds: provisions.map((p) => p.provisionId),
        removedProvisionIds,
      };
    }
    case 'MeasureSuspended': {
      const { orderedBy, suspensionId, from, until, provisionIds } = domainEvent.data;
      return {
        kind: 'suspended',
        orderedBy,
        suspensionId,
        from,
        until: until ?? null,
        provisionIds: provisionIds ?? null,
      };
    }
    case 'SuspensionExtended': {
      const { orderedBy, suspensionId, until } = domainEvent.data;
      return { kind: 'suspension-extended', orderedBy, suspensionId, until };
    }
    case 'SuspensionLifted': {
      const { orderedBy, suspensionId, on } = domainEvent.data;
      return { kind: 'suspension-lifted', orderedBy, suspensionId, on };
    }
    case 'MeasureRepealed': {
      const { orderedBy, on } = domainEvent.data;
      return { kind: 'repealed', orderedBy, on };
    }
    case 'CorrectionRecorded': {
      const { correction, reason } = domainEvent.data;
      return {
        kind: 'corrected',
        field: correction.field,
        provisionId: 'provisionId' in correction ? correction.provisionId : null,
        suspensionId: 'suspensionId' in correction ? correction.suspensionId : null,
        // Structured values (controls, rules) are internal policy data: consumers get the field and the reason.
        value: typeof correction.value === 'string' ? correction.value : null,
        reason,
      };
    }
    default:
      return assertNever(domainEvent, 'control-measure event');
  }
}

/** Every control-measure event is public; `facts` is the measure with this event folded in. */
export function mapMeasureEvent(
  event: RecordedEvent,
  domainEvent: ControlMeasureEvent,
  facts: MeasureFacts,
): ContractMessage {
  return {
    ...envelopeOf(event, 'control-measure', facts.measureId),
    type: 'control-measure.changed',
    data: {
      measureId: facts.measureId,
      announcementNumber: facts.announcementNumber,
      title: facts.title,
      measureVersion: facts.version,
      change: changeOf(domainEvent),
    },
  };
}
