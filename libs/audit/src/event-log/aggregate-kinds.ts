import {
  announcementDecider,
  AnnouncementEvent,
  type AnnouncementState,
  announcementStreamId,
  applicationDecider,
  ApplicationEvent,
  type ApplicationState,
  applicationStreamId,
  controlMeasureDecider,
  ControlMeasureEvent,
  type ControlMeasureState,
  controlMeasureStreamId,
  type Decider,
  exporterDecider,
  ExporterEvent,
  type ExporterState,
  exporterStreamId,
  fold,
  licenseDecider,
  LicenseEvent,
  type LicenseState,
  licenseStreamId,
  NotFoundError,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import type { z } from 'zod';

/** The aggregates whose streams can be folded into state, by the prefix of their stream ids. */
export type AggregateName = 'exporter' | 'application' | 'license' | 'control_measure' | 'announcement';
export type AggregateState = ExporterState | ApplicationState | LicenseState | ControlMeasureState | AnnouncementState;

export interface AggregateKind {
  readonly name: AggregateName;
  /** The stream ids of this aggregate start with it, e.g. `license-`. */
  readonly prefix: string;
  /** The events (upcast reads, in stream order) folded with the aggregate's own `evolve`, from its initial state. */
  fold(events: readonly RecordedEvent[]): AggregateState;
}

/** A domain event as the deciders evolve it. */
interface DomainEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

function kind<E extends DomainEvent, S extends AggregateState>(
  name: AggregateName,
  streamId: (id: string) => string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  schema: z.ZodType<E>,
): AggregateKind {
  return {
    name,
    // The domain names each stream `<prefix><id>`: its prefix is the stream id of the empty id.
    prefix: streamId(''),
    fold: (events) =>
      fold(
        decider,
        events.map((event) => toDomainEvent(schema, event)),
      ),
  };
}

/**
 * Which decider folds which stream: the same table the command runner keeps
 * (libs/workflow's aggregates), built here from the domain's exports because
 * the application layer does not import its neighbours. No prefix is the
 * start of another, so at most one matches.
 */
export const AGGREGATE_KINDS: readonly AggregateKind[] = [
  kind('exporter', exporterStreamId, exporterDecider, ExporterEvent),
  kind('application', applicationStreamId, applicationDecider, ApplicationEvent),
  kind('license', licenseStreamId, licenseDecider, LicenseEvent),
  kind('control_measure', controlMeasureStreamId, controlMeasureDecider, ControlMeasureEvent),
  kind('announcement', announcementStreamId, announcementDecider, AnnouncementEvent),
];

/** The stream is none of an aggregate's, so there is no state to fold (HTTP: 404). */
export class NotAnAggregateStream extends NotFoundError {
  constructor(readonly streamId: string) {
    const prefixes = AGGREGATE_KINDS.map((k) => k.prefix);
    super(
      'audit.not_an_aggregate_stream',
      `${streamId} is not the stream of an aggregate, so it has no state; aggregate streams start with ${prefixes.join(', ')}.`,
      { streamId, prefixes },
    );
  }
}

/** The aggregate whose stream this is; throws NotAnAggregateStream for any other stream id. */
export function aggregateOfStream(streamId: string): AggregateKind {
  const found = AGGREGATE_KINDS.find((k) => streamId.startsWith(k.prefix) && streamId.length > k.prefix.length);
  if (found === undefined) throw new NotAnAggregateStream(streamId);
  return found;
}

/** A stored (upcast) event in the domain's shape, checked by the aggregate's event schema. */
function toDomainEvent<E>(schema: z.ZodType<E>, event: RecordedEvent): E {
  const parsed = schema.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });
  if (!parsed.success)
    throw new Error(
      `Stored event ${event.id} (${event.type} v${event.version}) in ${event.streamId} does not match its schema: ${parsed.error.message}`,
    );
  return parsed.data;
}
