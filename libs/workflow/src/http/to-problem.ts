import { HttpException } from '@nestjs/common';
import { DomainError, IllegalTransitionError } from '@licensing/domain';
import { ZodError } from 'zod';
import { FieldProblem, problem, ProblemDetails } from './problem-details';

/** A concurrency conflict from the store or from an If-Match precondition. */
export class RevisionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: string,
    readonly currentRevision: string | null,
  ) {
    super(
      `${streamId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision}. ` +
        'Read it again and retry with the current ETag in If-Match.',
    );
  }
}

/** The request itself is malformed outside its body (a header, a path or query value). */
export class InvalidRequest extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The resource the request names does not exist. */
export class NotFound extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    rule: issue.code,
    message: issue.message,
  }));
}

// Refusals a caller can fix by acting as someone else.
const FORBIDDEN_CODE = /\.(forbidden|not_permitted|role_not_allowed|wrong_role)$/;

/** Maps anything a handler can throw to the problem a client receives. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ZodError) {
    const errors = fieldProblems(error);
    return problem(400, 'request.invalid', 'The request is not valid', describe(errors), { errors });
  }
  if (error instanceof InvalidRequest) {
    return problem(400, error.code, 'The request is not valid', error.message);
  }
  if (error instanceof RevisionConflict) {
    return problem(409, 'concurrency.revision_conflict', 'The resource changed', error.message, {
      streamId: error.streamId,
      expectedRevision: error.expectedRevision,
      currentRevision: error.currentRevision,
    });
  }
  if (error instanceof Unauthenticated) {
    return problem(401, 'request.unauthenticated', 'Who is acting?', error.message);
  }
  if (error instanceof NotFound) {
    return problem(404, error.code, 'Not found', error.message);
  }
  if (error instanceof IllegalTransitionError) {
    return problem(409, error.code, 'Not allowed in the current state', error.message, { ...error.details });
  }
  if (error instanceof DomainError && error.code.endsWith('.not_found')) {
    return problem(404, error.code, 'Not found', error.message, { ...error.details });
  }
  if (error instanceof DomainError) {
    const forbidden = FORBIDDEN_CODE.test(error.code);
    return problem(
      forbidden ? 403 : 422,
      error.code,
      forbidden ? 'Not permitted for this role' : 'The request breaks a business rule',
      error.message,
      { ...error.details },
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, `http.${status}`, error.name, error.message);
  }
  return problem(500, 'internal', 'Internal error', 'The server failed to handle the request; nothing was stored. Retry, and report the instance if it persists.');
}

function describe(errors: FieldProblem[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}

/** The request does not say who is acting, or says it in a way we cannot accept. */
export class Unauthenticated extends Error {}
