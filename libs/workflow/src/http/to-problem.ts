import { HttpException } from '@nestjs/common';
import { assertNever, DomainError } from '@licensing/domain';
import { STATUS_CODES } from 'node:http';
import { ZodError } from 'zod';
import { ApplicationError, type ErrorKind } from '../shared/application-errors';
import { EdgeRefusal } from './edge-refusal';
import { FieldProblem, problem, ProblemDetails } from './problem-details';

export function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    rule: issue.code,
    message: issue.message,
  }));
}

/** The one place a kind of refusal becomes an HTTP status; a new kind does not compile until it is mapped here. */
export function statusOf(kind: ErrorKind): { status: number; title: string } {
  switch (kind) {
    case 'invalid':
      return { status: 400, title: 'The request is not valid' };
    case 'unauthenticated':
      return { status: 401, title: 'Who is acting?' };
    case 'forbidden':
      return { status: 403, title: 'Not permitted for this actor' };
    case 'not_found':
      return { status: 404, title: 'Not found' };
    case 'conflict':
      return { status: 409, title: 'Conflicts with the current state' };
    case 'rule_broken':
      return { status: 422, title: 'The request breaks a business rule' };
    default:
      return assertNever(kind, 'error kind');
  }
}

/** Maps anything a handler can throw to the problem a client receives. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ZodError) {
    const errors = fieldProblems(error);
    const { status, title } = statusOf('invalid');
    return problem(status, 'request.invalid', title, describe(errors), { errors });
  }
  if (error instanceof DomainError || error instanceof ApplicationError) {
    const { status, title } = statusOf(error.kind);
    return problem(status, error.code, title, error.message, { ...error.details });
  }
  if (error instanceof EdgeRefusal) {
    return problem(error.status, error.code, error.title, error.message, { ...error.details });
  }
  // Nest's own: an unknown route (404), a path that does not decode (400), readiness (503).
  // A 500 among them may carry a library's internals, so it gets the generic answer.
  if (error instanceof HttpException && error.getStatus() !== 500) {
    const status = error.getStatus();
    return problem(status, `http.${status}`, STATUS_CODES[status] ?? 'Error', error.message);
  }
  return internalProblem();
}

/** The answer to anything unexpected: never the error's message or stack, which stay in the log. */
export function internalProblem(): ProblemDetails {
  return problem(
    500,
    'internal',
    'Internal error',
    'The server failed to handle the request; nothing was stored. Retry, and report the instance if it persists.',
  );
}

function describe(errors: FieldProblem[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
