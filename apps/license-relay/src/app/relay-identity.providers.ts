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
import type { RelayConfig } from './relay-config';

/**
 * The identity adapter in the words of the HTTP kit, as the service maps it
 * (apps may not share code and neither library may import the other):
 * refusals become 401 with a Bearer challenge or 403, an unreachable
 * identity provider a 503.
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

/** Bearer tokens verified as the AUTH_* settings say; with the local issuer, its key in DATA_DIR is the service's. */
export function relayIdentityProviders(config: RelayConfig): Provider[] {
  return [
    {
      provide: TOKEN_VERIFIER,
      useFactory: async () => new IdentityTokenVerifier(await openIdentity(config, config.DATA_DIR)),
    },
    { provide: ACTOR_RESOLVER, useClass: BearerActorResolver },
  ];
}
