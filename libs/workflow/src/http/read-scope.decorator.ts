import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, isOperation, scopeFor, type ScopePredicate } from '@licensing/domain';
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
  const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
  if (!request.actor) throw new Unauthenticated('No actor was resolved for this request.');
  const declared = (Reflect.getMetadata(OPERATION_METADATA, context.getHandler()) ??
    Reflect.getMetadata(OPERATION_METADATA, context.getClass())) as OperationOf | undefined;
  const operation = typeof declared === 'function' ? declared(request) : declared;
  // Fail closed: a scope for no known operation would be a wiring error, not "everything".
  if (operation === undefined || !isOperation(operation)) {
    throw new Error(`${context.getClass().name}.${context.getHandler().name} reads a scope but declares no operation.`);
  }
  return scopeFor(operation, request.actor);
});
