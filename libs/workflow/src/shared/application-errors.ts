import type { DomainErrorKind } from '@licensing/domain';

/**
 * Every kind of refusal a caller can receive: the domain's kinds plus the
 * two only the application layer knows (the request cannot be read, or does
 * not say who is acting). Transports map kinds to their own terms; no layer
 * below the HTTP kit knows a status code.
 */
export type ErrorKind = DomainErrorKind | 'invalid' | 'unauthenticated';

/** A refusal by the application layer, outside any aggregate's rules. */
export abstract class ApplicationError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** A concurrency conflict from the store or from an If-Match precondition. */
export class RevisionConflict extends ApplicationError {
  readonly kind = 'conflict';

  constructor(
    readonly streamId: string,
    readonly expectedRevision: string,
    readonly currentRevision: string | null,
  ) {
    super(
      'concurrency.revision_conflict',
      `${streamId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision}. ` +
        'Read it again and retry with the current ETag in If-Match.',
      { streamId, expectedRevision, currentRevision },
    );
  }
}

/** The request itself is malformed outside its body (a header, a path or query value). */
export class InvalidRequest extends ApplicationError {
  readonly kind = 'invalid';
}

/** The resource the request names does not exist. */
export class NotFound extends ApplicationError {
  readonly kind = 'not_found';
}

/**
 * The request does not say who is acting, or says it in a way we cannot
 * accept (no bearer token, or one that does not verify). `challenge` is the
 * RFC 6750 error for the `WWW-Authenticate` answer: none when no
 * credentials came at all, `invalid_request` for a malformed header,
 * `invalid_token` for a token that was refused.
 */
export class Unauthenticated extends ApplicationError {
  readonly kind = 'unauthenticated';

  constructor(
    message: string,
    code = 'request.unauthenticated',
    readonly challenge?: 'invalid_request' | 'invalid_token',
  ) {
    super(code, message);
  }
}

/** Who is acting is known, but not as anyone who may act here (a genuine token with no usable role). */
export class NotPermitted extends ApplicationError {
  readonly kind = 'forbidden';
}

/**
 * An Idempotency-Key already answered a different request. A rule of the
 * protocol rather than a malformed request (422, as the IETF Idempotency-Key
 * draft answers it): the key is well-formed, it is only spent.
 */
export class IdempotencyKeyReused extends ApplicationError {
  readonly kind = 'rule_broken';

  constructor() {
    super(
      'request.idempotency_key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new command.',
    );
  }
}
