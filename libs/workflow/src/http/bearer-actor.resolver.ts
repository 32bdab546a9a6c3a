import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@licensing/domain';
import type { Request } from 'express';
import { NotPermitted, Unauthenticated } from '../shared/application-errors';
import type { ActorResolver } from './actor.guard';

/**
 * Verifies a bearer token and says who it stands for. The service provides
 * it (the identity adapter, `libs/identity`, which this layer may not
 * import) and maps that adapter's refusals to Unauthenticated / NotPermitted.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** `Bearer <b64token>` (RFC 6750 §2.1); the scheme is case-insensitive (RFC 9110). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Who is acting, from `Authorization: Bearer <jwt>` on every request, reads included. */
@Injectable()
export class BearerActorResolver implements ActorResolver {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  async resolve(request: Request): Promise<Actor> {
    const header = request.header('authorization');
    if (header === undefined || header.trim() === '') {
      throw new Unauthenticated(
        'Say who is acting: send Authorization: Bearer <token>, a token from the identity provider ' +
          '(locally: npm run token -- --help).',
      );
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new Unauthenticated(
        'The Authorization header must be "Bearer <token>" with one token and nothing else.',
        'auth.malformed_authorization',
        'invalid_request',
      );
    }
    const actor = await this.verifier.verify(token);
    // The verifier never yields the service's own role; the guard does not rely on that alone.
    if (actor.role === 'system') {
      throw new NotPermitted('auth.system_role', "No request may act as 'system'.");
    }
    return actor;
  }
}
