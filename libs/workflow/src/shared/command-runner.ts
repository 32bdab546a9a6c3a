import { CommandMetadata, type CommandType, DomainError, fold } from '@licensing/domain';
import {
  type EventStore,
  type ProposedEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@licensing/event-store';
import {
  activeTraceparent,
  inSpan,
  type Metrics,
  retryPolicy,
  secondsSince,
  WRITE_CONFLICT_RETRY,
} from '@licensing/platform';
import { ApplicationError, RevisionConflict } from './application-errors';
import type { Aggregate, DomainEvent } from './aggregate';
import type { Clock } from './clock';
import { requireInScope } from './command-scope';
import { envelopeMetadata } from './envelope-metadata';
import { newId, uuidFromName } from './ids';

export interface RunOptions {
  /** From If-Match: refuse if the stream has moved past this revision. */
  expectedRevision?: bigint;
}

export interface CommandOutcome {
  streamId: string;
  /** Revision of the stream's last event after the command (null: stream still empty). */
  revision: bigint | null;
  /** Position in $all of the last appended event (null: nothing appended). */
  position: bigint | null;
  events: { id: string; type: string; revision: bigint }[];
  /** True when this command had already been applied (a retry). */
  replayed: boolean;
}

/**
 * A command whose content depends on the state it will be decided on, such
 * as an approval that carries the rule evaluation of the application as it
 * stands. `build` runs on every attempt, after the retry check, so a replayed
 * command never re-evaluates and a raced one evaluates the new state.
 */
export interface CommandBuilder<C, S> {
  /** The command it builds: the row of the permissions table whose data scope the runner checks before building. */
  readonly type: CommandType;
  readonly metadata: CommandMetadata;
  build(state: S): C | Promise<C>;
}

function isBuilder<C, S>(command: C | CommandBuilder<C, S>): command is CommandBuilder<C, S> {
  return typeof (command as Partial<CommandBuilder<C, S>>).build === 'function';
}

// Without If-Match a conflict means a concurrent writer changed the stream
// between our read and our append: deciding again on the new state is safe,
// a few jittered milliseconds later so the racers do not collide again
// (at most 5 attempts). With If-Match the caller named the revision, so a
// conflict is theirs to resolve and is not retried.
const raceRetry = retryPolicy((error) => error instanceof WrongExpectedRevisionError, WRITE_CONFLICT_RETRY);

/**
 * The one place commands are handled: load the stream, fold it, hold the
 * command to the actor's data scope, decide, append with the revision that
 * was read. Nest handlers only call this.
 */
export class CommandRunner {
  private readonly recorder: CommandRecorder | null;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    /** Where to count commands by type and outcome, and their latency; nothing is recorded without it. */
    metrics?: Metrics,
  ) {
    this.recorder = metrics ? commandRecorder(metrics) : null;
  }

  async load<C, E extends DomainEvent, S>(aggregate: Aggregate<C, E, S>, id: string) {
    const recorded = await this.store.readStream(aggregate.streamId(id));
    const events = recorded.map((event) => toDomainEvent(aggregate, event));
    const last = recorded.at(-1);
    return { state: fold(aggregate.decider, events), revision: last?.revision ?? null, recorded };
  }

  async execute<C extends { type: string; metadata: CommandMetadata }, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: C | CommandBuilder<C, S>,
    options: RunOptions = {},
  ): Promise<CommandOutcome> {
    // The command's span (with tracing on): a child of the request's, parent of the append's.
    return inSpan(
      `command ${command.type}`,
      { attributes: { 'licensing.command.type': command.type, 'licensing.command.id': command.metadata.commandId } },
      () => this.executeMeasured(aggregate, id, command, options),
    );
  }

  private async executeMeasured<C extends { type: string; metadata: CommandMetadata }, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: C | CommandBuilder<C, S>,
    options: RunOptions,
  ): Promise<CommandOutcome> {
    const attempt = () => this.attempt(aggregate, id, command, options);
    const started = performance.now();
    try {
      const outcome = options.expectedRevision === undefined ? await raceRetry.execute(attempt) : await attempt();
      this.recorder?.(command.type, 'ok', started);
      return outcome;
    } catch (error) {
      const thrown = conflictOrError(error);
      this.recorder?.(command.type, outcomeLabel(thrown), started);
      throw thrown;
    }
  }

  /** One read–decide–append; a lost race throws WrongExpectedRevisionError for execute() to retry. */
  private async attempt<C extends { type: string; metadata: CommandMetadata }, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: C | CommandBuilder<C, S>,
    options: RunOptions,
  ): Promise<CommandOutcome> {
    const streamId = aggregate.streamId(id);
    const { state, revision, recorded } = await this.load(aggregate, id);
    const { actor } = command.metadata;
    // Scope first: out of scope, the stream does not exist for this actor, so
    // it learns neither a revision (409) nor an earlier outcome, and no
    // builder evaluates anything on its behalf.
    const current = aggregate.ownerOf(state);
    if (current !== null) requireInScope(command.type, actor, current, { kind: aggregate.name, id });
    // An empty stream the command does not start: only a role reaching all
    // data may hear the decider's "not found" (or a 409 on If-Match); to a
    // scoped one it reads exactly as an existing stream out of its scope.
    else if (command.type !== aggregate.startedBy)
      requireInScope(command.type, actor, {}, { kind: aggregate.name, id });
    const previous = appliedBefore(recorded, command.metadata.commandId);
    if (previous.length > 0) return outcomeOf(streamId, previous, true);

    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new RevisionConflict(
        streamId,
        String(options.expectedRevision),
        revision === null ? null : String(revision),
      );
    }
    const decided = isBuilder(command) ? await command.build(state) : command;
    const named = aggregate.ownerNamedBy(decided);
    if (named !== null) requireInScope(decided.type, actor, named, { kind: 'exporter', id: named.exporterId ?? id });
    const events = aggregate.decider.decide(decided, state);
    if (events.length === 0) return { streamId, revision, position: null, events: [], replayed: false };

    // The events carry the append span's trace context: projections and the relay continue the trace from it.
    const { proposed, result } = await inSpan(
      'eventStore.append',
      { attributes: { 'licensing.stream.id': streamId, 'licensing.events': events.length } },
      async () => {
        const traceparent = activeTraceparent();
        const proposed = events.map((event, index) => this.propose(event, index, command.metadata, traceparent));
        const expectedRevision = revision === null ? ('no_stream' as const) : revision;
        return { proposed, result: await this.store.append(streamId, proposed, { expectedRevision }) };
      },
    );
    const first = result.nextExpectedRevision - BigInt(proposed.length - 1);
    return {
      streamId,
      revision: result.nextExpectedRevision,
      position: result.position,
      events: proposed.map((event, index) => ({ id: event.id, type: event.type, revision: first + BigInt(index) })),
      replayed: false,
    };
  }

  private propose(
    event: DomainEvent,
    index: number,
    metadata: CommandMetadata,
    traceparent: string | undefined,
  ): ProposedEvent {
    return {
      id: metadata.commandId ? uuidFromName(`${metadata.commandId}#${index}`) : newId(),
      type: event.type,
      version: event.schemaVersion,
      data: event.data,
      metadata: envelopeMetadata({ ...metadata, traceparent }, this.clock.now()),
    };
  }
}

/** Turns a stored event back into the domain's shape, checked by its schema. */
export function toDomainEvent<E extends DomainEvent>(
  aggregate: Aggregate<unknown, E, unknown>,
  event: RecordedEvent,
): E {
  const parsed = aggregate.eventSchema.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });
  if (!parsed.success) {
    throw new Error(
      `Stored event ${event.id} (${event.type} v${event.version}) in ${event.streamId} does not match its schema: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

function appliedBefore(recorded: readonly RecordedEvent[], commandId: string): RecordedEvent[] {
  return recorded.filter((event) => event.metadata.commandId === commandId);
}

function outcomeOf(streamId: string, events: RecordedEvent[], replayed: boolean): CommandOutcome {
  const last = events.at(-1) as RecordedEvent;
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: events.map((event) => ({ id: event.id, type: event.type, revision: event.revision })),
    replayed,
  };
}

/** How a command ended, as `licensing_commands_total` counts it. */
export type CommandOutcomeLabel = 'ok' | 'refused' | 'conflict' | 'error';

function outcomeLabel(error: unknown): CommandOutcomeLabel {
  if (error instanceof RevisionConflict) return 'conflict';
  if (error instanceof DomainError || error instanceof ApplicationError) return 'refused';
  return 'error';
}

type CommandRecorder = (type: string, outcome: CommandOutcomeLabel, started: number) => void;

function commandRecorder(metrics: Metrics): CommandRecorder {
  const commands = metrics.counter<'command' | 'outcome'>({
    name: 'licensing_commands_total',
    help: 'Commands handled by the command runner, by command type and outcome (ok, refused by a rule or the data scope, conflict on the expected revision, error).',
    labelNames: ['command', 'outcome'],
  });
  const latency = metrics.histogram<'command' | 'outcome'>({
    name: 'licensing_command_duration_seconds',
    help: 'Time from the command runner receiving a command to its outcome (load, decide, append, race retries), by command type and outcome.',
    labelNames: ['command', 'outcome'],
  });
  return (command, outcome, started) => {
    commands.inc({ command, outcome });
    latency.observe({ command, outcome }, secondsSince(started));
  };
}

function conflictOrError(error: unknown): unknown {
  if (error instanceof WrongExpectedRevisionError) {
    return new RevisionConflict(
      error.streamId,
      String(error.expected),
      error.actual === 'no_stream' ? null : String(error.actual),
    );
  }
  return error;
}
