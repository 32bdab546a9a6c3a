import { type Provider, ServiceUnavailableException } from '@nestjs/common';
import type { Actor } from '@licensing/domain';
import { type Identity, IdentityError, KeysUnavailable, openIdentity } from '@licensing/identity';
import {
  ACTOR_RESOLVER,
  BearerActorResolver,
  NotPermitted,
  TOKEN_VERIFIER,
  type TokenVerifier,
  Unauthenticated,
} from '@licensing/workflow';
import type { ServiceConfig } from '../config';

/** The opened identity (verifier, and the local issuer's keys when the service is its own issuer). */
export const IDENTITY = Symbol('IDENTITY');

/**
 * The identity adapter in the words of the HTTP kit: its refusals become
 * the application errors the problem filter knows (401 with a Bearer
 * challenge, 403), an unreachable identity provider a 503.
 */
class IdentityTokenVerifier implements TokenVerifier {
  constructor(private readonly identity: Identity) {}

  async verify(token: string): Promise<Actor> {
    try {
      return await this.identity.verifier.verify(token);
    } catch (error) {
      if (error instanceof IdentityError) {
        throw error.kind === 'unauthenticated'
          ? new Unauthenticated(error.message, error.code, 'invalid_token')
          : new NotPermitted(error.code, error.message);
      }
      if (error instanceof KeysUnavailable) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }
}

/** Who is acting: bearer tokens, verified as the AUTH_* settings say; opened before the service listens. */
export function identityProviders(config: ServiceConfig): Provider[] {
  return [
    { provide: IDENTITY, useFactory: () => openIdentity(config, config.DATA_DIR) },
    {
      provide: TOKEN_VERIFIER,
      useFactory: (identity: Identity) => new IdentityTokenVerifier(identity),
      inject: [IDENTITY],
    },
    { provide: ACTOR_RESOLVER, useClass: BearerActorResolver },
  ];
}
