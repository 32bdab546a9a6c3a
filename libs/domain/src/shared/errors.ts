/**
 * How a refusal reads to the caller, whatever the transport: the HTTP layer
 * maps each kind to one status, so no layer has to guess from a code.
 * - `not_found`: the command names something that does not exist;
 * - `forbidden`: acting as someone else (another role, the assigned reviewer,
 *   a second pair of eyes) would be allowed;
 * - `conflict`: the aggregate's lifecycle status does not allow it now;
 * - `rule_broken`: a business rule refuses it as stated.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'rule_broken';

/**
 * A refusal by the domain: the command was understood but is not allowed in
 * the current state. `code` is stable and machine-readable (it becomes the
 * problem-details `type` over HTTP); `message` says why in plain words and
 * what would make the command acceptable. A plain DomainError is a broken
 * business rule; the subclasses below name the other kinds.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind = 'rule_broken';

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The command names an aggregate that has no history yet. */
export class NotFoundError extends DomainError {
  override readonly kind = 'not_found';
}

/** The actor may not do this: another role or another person may. */
export class ForbiddenError extends DomainError {
  override readonly kind = 'forbidden';
}

/** The command does not fit the aggregate's lifecycle status. */
export class IllegalTransitionError extends DomainError {
  override readonly kind = 'conflict';

  constructor(aggregate: string, command: string, status: string, hint: string) {
    super(`${aggregate}.illegal_transition`, `Cannot ${command}: the ${aggregate} is ${status}. ${hint}`, {
      aggregate,
      command,
      currentStatus: status,
    });
  }
}

/**
 * The command conflicts with what the aggregate holds now (a shipment
 * already cancelled, a request already decided), under a code of its own
 * rather than the generic `*.illegal_transition`.
 */
export class ConflictError extends DomainError {
  override readonly kind = 'conflict';
}
