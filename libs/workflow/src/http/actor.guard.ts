import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, isOperation, type Operation, requireRole } from '@licensing/domain';
import type { Request, Response } from 'express';
import { Unauthenticated } from '../shared/application-errors';

/**
 * Turns a request into the acting user, or refuses it (401, 403). The
 * service provides the bearer-token resolver (`BearerActorResolver`) under
 * ACTOR_RESOLVER; handlers never see how the actor was established.
 */
export interface ActorResolver {
  resolve(request: Request): Promise<Actor>;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

/** The realm named in every `WWW-Authenticate` challenge. */
const REALM = 'export-licensing';

/**
 * The operation of the permissions table a handler performs: a name, or for
 * a handler that serves several (`POST /licenses/{id}/:action`) a function
 * of the request. `undefined` means the request names no operation at all
 * (an unknown action), which the handler answers with its own 404.
 */
export type OperationOf = Operation | ((request: Request) => string | undefined);

/** Where @Authorize keeps the operation; specs read it to prove every route is governed by the table. */
export const OPERATION_METADATA = 'licensing:operation';

/** Declares which row of the permissions table governs this handler (or every handler of a controller). */
export const Authorize = (operation: OperationOf) => SetMetadata(OPERATION_METADATA, operation);

type RequestWithActor = Request & { actor?: Actor };

/**
 * Who is acting, and may they: resolves the actor (401 without one) and
 * refuses a role the permissions table does not allow for the handler's
 * operation (403), before the handler or any interceptor runs. A guarded
 * handler that declares no operation is a programming error, so it fails
 * closed rather than letting everyone in.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const declared = this.reflector.getAllAndOverride<OperationOf | undefined>(OPERATION_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declared === undefined) {
      throw new Error(
        `${context.getClass().name}.${context.getHandler().name} declares no operation; add @Authorize(...).`,
      );
    }
    request.actor = await this.resolve(context, request);
    const operation = typeof declared === 'function' ? declared(request) : declared;
    if (operation !== undefined && !isOperation(operation)) {
      throw new Error(`${operation} is not an operation of the permissions table.`);
    }
    if (operation !== undefined) requireRole(operation, request.actor);
    return true;
  }

  /** A 401 says how to authenticate (RFC 6750): `WWW-Authenticate: Bearer`, with the error when a token was refused. */
  private async resolve(context: ExecutionContext, request: Request): Promise<Actor> {
    try {
      return await this.resolver.resolve(request);
    } catch (error) {
      if (error instanceof Unauthenticated) {
        const challenge = error.challenge ? `, error="${error.challenge}"` : '';
        context
          .switchToHttp()
          .getResponse<Response>()
          .setHeader('WWW-Authenticate', `Bearer realm="${REALM}"${challenge}`);
      }
      throw error;
    }
  }
}

/** The actor the guard resolved for this request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Unauthenticated('No actor was resolved for this request.');
  return actor;
});
