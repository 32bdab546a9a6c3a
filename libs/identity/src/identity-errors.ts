/**
 * Why a token was refused. `kind` uses the words of the HTTP kit's error
 * kinds (libs/workflow, `ErrorKind`), which this library may not import:
 * the service maps `unauthenticated` to 401 and `forbidden` to 403. Messages
 * say what to do and never echo the token, a key or a library's internals.
 */
export abstract class IdentityError extends Error {
  abstract readonly kind: 'unauthenticated' | 'forbidden';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Not a token we can trust: malformed, unsigned, badly signed, expired, for another issuer or audience, or an unknown key. */
export class InvalidToken extends IdentityError {
  override readonly name = 'InvalidToken';
  readonly kind = 'unauthenticated';
}

/** A genuine token that gives no usable actor here: none or several of our roles, `system`, no exporters for an exporter. */
export class UnusableToken extends IdentityError {
  override readonly name = 'UnusableToken';
  readonly kind = 'forbidden';
}

/**
 * The identity provider's keys cannot be fetched (down, timing out, not a
 * JWKS). Neither the caller's fault nor a refusal: the service answers 503.
 */
export class KeysUnavailable extends Error {
  override readonly name = 'KeysUnavailable';
  readonly code = 'auth.keys_unavailable';

  constructor() {
    super("The identity provider's signing keys cannot be fetched right now; retry shortly.");
  }
}
