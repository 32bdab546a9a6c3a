/**
 * The decider pattern: an aggregate is three pure functions. Handlers load
 * the stream, fold it with `evolve` from `initialState`, call `decide`, and
 * append what it returns with the revision they read.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  /** Returns the events the command causes, or throws a DomainError. */
  decide(command: Command, state: State): Event[];
}

/** Folds a history of events into state, the way every handler and test does. */
export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}

/** Compile-time proof that a switch over a union handled every member. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
