import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  type Actor,
  isOperation,
  type Operation,
  rowScopeFor,
  type RowScope,
  scopeFor,
  type ScopePredicate,
} from '@licensing/domain';
import type { Request } from 'express';
import { Unauthenticated } from '../shared/application-errors';
import { OPERATION_METADATA, type OperationOf } from './actor.guard';

/**
 * The reader's data scope for this handler: the domain's `scopeFor` bound to
 * the operation the handler declares with @Authorize (the row the guard just
 * checked) and the actor the guard resolved. A read endpoint passes it to
 * its read-model query, so which cases a reader sees is decided there, from
 * the table, and never by an `if` in a controller.
 */
export const ReadScope = createParamDecorator((_: unknown, context: ExecutionContext): ScopePredicate => {
  const { operation, actor } = declaredRead(context);
  return scopeFor(operation, actor);
});

function declaredRead(context: ExecutionContext): { operation: Operation; actor: Actor } {
  const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
  if (!request.actor) throw new Unauthenticated('No actor was resolved for this request.');
  const declared = (Reflect.getMetadata(OPERATION_METADATA, context.getHandler()) ??
    Reflect.getMetadata(OPERATION_METADATA, context.getClass())) as OperationOf | undefined;
  const operation = typeof declared === 'function' ? declared(request) : declared;
  // Fail closed: a scope for no known operation would be a wiring error, not "everything".
  if (operation === undefined || !isOperation(operation)) {
    throw new Error(`${context.getClass().name}.${context.getHandler().name} reads a scope but declares no operation.`);
  }
  return { operation, actor: request.actor };
}

/** The same scope as data (`rowScopeFor`), for list queries that put it in their SQL. */
export const ReadRowScope = createParamDecorator((_: unknown, context: ExecutionContext): RowScope => {
  const { operation, actor } = declaredRead(context);
  return rowScopeFor(operation, actor);
});

/** The actor the guard resolved, for reads about "me" (a reviewer's own queue). */
export const ReadActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => declaredRead(context).actor,
);
