/**
 * A refusal by the domain: the command was understood but is not allowed in
 * the current state. `code` is stable and machine-readable (it becomes the
 * problem-details `type` over HTTP); `message` says why in plain words and
 * what would make the command acceptable.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The command does not fit the aggregate's lifecycle status. */
export class IllegalTransitionError extends DomainError {
  constructor(
    aggregate: string,
    command: string,
    status: string,
    hint: string,
  ) {
    super(
      `${aggregate}.illegal_transition`,
      `Cannot ${command}: the ${aggregate} is ${status}. ${hint}`,
      { aggregate, command, currentStatus: status },
    );
  }
}
