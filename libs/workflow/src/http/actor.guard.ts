import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
} from '@nestjs/common';
import { Actor } from '@licensing/domain';
import type { Request } from 'express';
import { Unauthenticated } from './to-problem';

/**
 * Turns a request into the acting user. The embedded default trusts two
 * headers; a deployment swaps in a verified-token resolver by providing
 * another implementation under ACTOR_RESOLVER — handlers never change.
 */
export interface ActorResolver {
  resolve(request: Request): Actor;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

export class HeaderActorResolver implements ActorResolver {
  resolve(request: Request): Actor {
    const id = request.header('x-actor-id');
    const role = request.header('x-actor-role');
    if (!id || !role) {
      throw new Unauthenticated(
        'Say who is acting with the headers X-Actor-Id (a user id) and X-Actor-Role ' +
          `(one of ${Actor.shape.role.options.join(', ')}).`,
      );
    }
    const parsed = Actor.safeParse({ id, role });
    if (!parsed.success) {
      throw new Unauthenticated(
        `X-Actor-Role '${role}' is not a role; use one of ${Actor.shape.role.options.join(', ')}.`,
      );
    }
    return parsed.data;
  }
}

type RequestWithActor = Request & { actor?: Actor };

@Injectable()
export class ActorGuard implements CanActivate {
  constructor(@Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    request.actor = this.resolver.resolve(request);
    return true;
  }
}

/** The actor the guard resolved for this request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Unauthenticated('No actor was resolved for this request.');
  return actor;
});
