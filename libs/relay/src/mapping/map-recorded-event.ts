import { type ContractMessage, type ContractRecord, contractSchemas, toContractRecord } from '@licensing/contracts';
import { assertNever } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { envelopeOf } from './envelope-of';
import { evolveWith, type RelayLicenseState, toLicenseStateSnapshot } from './license-state-fold';
import { mapApplicationEvent, publishesNothing } from './map-application-event';
import { mapLicenseEvent } from './map-license-event';
import { mapMeasureEvent } from './map-measure-event';
import { evolveMeasureFacts, type MeasureFacts } from './measure-facts';
import { MappingError } from './mapping-error';
import { categoryOf, parseApplicationEvent, parseControlMeasureEvent, parseLicenseEvent } from './parse-domain-event';

/**
 * Which recorded events become public messages:
 *
 * | stream category      | domain events                    | messages                                                   |
 * |----------------------|----------------------------------|------------------------------------------------------------|
 * | `license-`           | all but the amendment requests'  | one `license.*` event + the `license.state` snapshot       |
 * | `license-`           | the five amendment-request steps | none: internal workflow (the approval's LicenseAmended is  |
 * |                      |                                  | published as `license.amended`)                            |
 * | `application-`       | Submitted, Approved, Rejected    | `application.submitted` / `application.decided`            |
 * | `application-`       | the other nine                   | none (see map-application-event.ts for each reason)        |
 * | `control-measure-`   | all seven                        | one `control-measure.changed`                              |
 * | `exporter-`          | all                              | none: company registration, certification and penalties    |
 * |                      |                                  | are personal data of the exporter; downstream services see |
 * |                      |                                  | their effect through licenses                              |
 * | anything else        | all                              | none: not a business fact (checkpoints, seeds of other     |
 * |                      |                                  | subsystems)                                                |
 */

/**
 * What the relay must remember about one stream to map its next event:
 * the license state for a license stream, the publication facts for a
 * control measure, nothing otherwise. Build it with `streamMemoryOf` from
 * the stream's history when it is not cached.
 */
export type StreamMemory =
  | { readonly kind: 'license'; readonly state: RelayLicenseState }
  | { readonly kind: 'control-measure'; readonly facts: MeasureFacts }
  | null;

export interface MappedEvent {
  /** In the order to produce them: the event before its snapshot. */
  readonly records: readonly ContractRecord[];
  /** The stream's memory with this event folded in. */
  readonly memory: StreamMemory;
}

/** Checks every outgoing message against its own contract, so a mapping bug stops the relay, not a consumer. */
function validated(event: RecordedEvent, message: ContractMessage): ContractRecord {
  const parsed = contractSchemas[message.type].safeParse(message);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MappingError(event, `the ${message.type} message it maps to breaks its contract (${issues})`);
  }
  return toContractRecord(parsed.data);
}

function licenseMemory(event: RecordedEvent, memory: StreamMemory): RelayLicenseState | null {
  if (memory === null) return null;
  if (memory.kind !== 'license') throw new MappingError(event, `the memory passed is for a ${memory.kind} stream`);
  return memory.state;
}

function measureMemory(event: RecordedEvent, memory: StreamMemory): MeasureFacts | null {
  if (memory === null) return null;
  if (memory.kind !== 'control-measure')
    throw new MappingError(event, `the memory passed is for a ${memory.kind} stream`);
  return memory.facts;
}

/**
 * Maps one recorded event, given its stream's memory before it, to the
 * records to produce (zero or more) and the memory after it. Pure: the
 * relay does the I/O and produces the records in order.
 */
export function mapRecordedEvent(event: RecordedEvent, memory: StreamMemory): MappedEvent {
  const category = categoryOf(event.streamId);
  switch (category) {
    case 'license': {
      const domainEvent = parseLicenseEvent(event);
      const state = evolveWith(licenseMemory(event, memory), event, domainEvent);
      const message = mapLicenseEvent(event, domainEvent, state);
      // An internal step changes nothing public: no event, and no snapshot that would say the same again.
      if (message === null) return { records: [], memory: { kind: 'license', state } };
      const snapshot = {
        ...envelopeOf(event, 'license', state.license.license.licenseId),
        type: 'license.state' as const,
        data: toLicenseStateSnapshot(state),
      };
      return {
        records: [validated(event, message), validated(event, snapshot)],
        memory: { kind: 'license', state },
      };
    }
    case 'application':
      if (publishesNothing(event.type)) return { records: [], memory: null };
      return {
        records: mapApplicationEvent(event, parseApplicationEvent(event)).map((m) => validated(event, m)),
        memory: null,
      };
    case 'control-measure': {
      const domainEvent = parseControlMeasureEvent(event);
      const facts = evolveMeasureFacts(measureMemory(event, memory), event, domainEvent);
      return {
        records: [validated(event, mapMeasureEvent(event, domainEvent, facts))],
        memory: { kind: 'control-measure', facts },
      };
    }
    case null:
      return { records: [], memory: null };
    default:
      return assertNever(category, 'stream category');
  }
}

/** Rebuilds a stream's memory from its events in revision order (e.g. after a relay restart). */
export function streamMemoryOf(history: readonly RecordedEvent[]): StreamMemory {
  return history.reduce<StreamMemory>((memory, event) => mapRecordedEvent(event, memory).memory, null);
}
