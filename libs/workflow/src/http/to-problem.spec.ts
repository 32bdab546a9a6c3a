import { DomainError, ForbiddenError, IllegalTransitionError, NotFoundError, requireRole } from '@licensing/domain';
import { z } from 'zod';
import {
  IdempotencyKeyReused,
  InvalidRequest,
  NotFound,
  RevisionConflict,
  Unauthenticated,
} from '../shared/application-errors';
import { BadRequestException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { EdgeRefusal } from './edge-refusal';
import { statusOf, toProblem } from './to-problem';

describe('toProblem', () => {
  it('names every invalid field and the rule it broke', () => {
    const schema = z.object({ quantity: z.number().positive(), code: z.string().regex(/^1C/) });
    const result = schema.safeParse({ quantity: -1, code: 'x' });
    const body = toProblem(result.error);
    expect(body).toMatchObject({
      status: 400,
      code: 'request.invalid',
      type: 'urn:export-licensing:problem:request.invalid',
    });
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'quantity', rule: 'too_small' }),
      expect.objectContaining({ field: 'code', rule: 'invalid_format' }),
    ]);
    expect(body.detail).toContain('quantity:');
  });

  it('maps an illegal transition to 409 and a broken business rule to 422', () => {
    expect(toProblem(new IllegalTransitionError('application', 'approve', 'draft', 'Submit it first.'))).toMatchObject({
      status: 409,
      code: 'application.illegal_transition',
      detail: 'Cannot approve: the application is draft. Submit it first.',
    });
    expect(
      toProblem(new DomainError('license.quantity_exceeded', 'Only 5 kg remain.', { remaining: 5 })),
    ).toMatchObject({
      status: 422,
      code: 'license.quantity_exceeded',
      remaining: 5,
    });
  });

  it('maps a refusal for the wrong role to 403', () => {
    expect(
      toProblem(new ForbiddenError('application.role_not_allowed', 'Only a licensing officer may approve.')).status,
    ).toBe(403);
  });

  it('maps acting as the wrong person to 403, whatever the code is called', () => {
    const notAssigned = new ForbiddenError(
      'application.not_assigned_reviewer',
      'Application app-1 is assigned to reviewer wang.fang, not li.na.',
    );
    expect(toProblem(notAssigned)).toMatchObject({ status: 403, code: 'application.not_assigned_reviewer' });
    expect(toProblem(new ForbiddenError('application.four_eyes', 'wang.fang completed the review.')).status).toBe(403);
    expect(() => requireRole('AcceptApplication', { id: 'li.wei', role: 'exporter' })).toThrow(ForbiddenError);
  });

  it('reads the kind, never the code: a code that merely sounds like a kind changes nothing', () => {
    expect(toProblem(new DomainError('exporter.forbidden', 'A plain rule.')).status).toBe(422);
    expect(toProblem(new DomainError('license.not_found', 'A plain rule.')).status).toBe(422);
    expect(toProblem(new NotFoundError('application.not_found', 'No application.'))).toMatchObject({
      status: 404,
      code: 'application.not_found',
    });
  });

  it('maps every kind to one status', () => {
    const statuses = (['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rule_broken'] as const).map(
      (kind) => statusOf(kind).status,
    );
    expect(statuses).toEqual([400, 401, 403, 404, 409, 422]);
  });

  it('maps application-layer refusals by their kind', () => {
    expect(toProblem(new InvalidRequest('request.invalid_if_match', 'If-Match must be an ETag.'))).toMatchObject({
      status: 400,
      code: 'request.invalid_if_match',
    });
    expect(toProblem(new IdempotencyKeyReused())).toMatchObject({
      status: 422,
      code: 'request.idempotency_key_reused',
    });
    expect(toProblem(new Unauthenticated('Say who you are.'))).toMatchObject({ code: 'request.unauthenticated' });
  });

  it('maps a revision conflict to 409 with the current revision', () => {
    expect(toProblem(new RevisionConflict('license-1', '3', '4'))).toMatchObject({
      status: 409,
      code: 'concurrency.revision_conflict',
      currentRevision: '4',
    });
  });

  it('maps missing identity to 401, a missing resource to 404 and anything else to a 500 that leaks nothing', () => {
    expect(toProblem(new Unauthenticated('Say who you are.')).status).toBe(401);
    expect(toProblem(new NotFound('license.not_found', 'No license L-1.')).status).toBe(404);
    const internal = toProblem(new Error('SQLITE_CORRUPT at /var/data'));
    expect(internal.status).toBe(500);
    expect(internal.detail).not.toContain('SQLITE');
  });

  it('answers the edge refusals with their own status, code and details', () => {
    const tooLarge = new EdgeRefusal(413, 'request.body_too_large', 'The limit is 1 MB.', { limitBytes: 1048576 });
    expect(toProblem(tooLarge)).toMatchObject({
      status: 413,
      code: 'request.body_too_large',
      title: 'The request body is too large',
      limitBytes: 1048576,
    });
    expect(toProblem(new EdgeRefusal(429, 'request.rate_limited', 'Slow down.')).status).toBe(429);
  });

  it("titles Nest's own exceptions by their status, and never passes on the message of a 500", () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      code: 'http.404',
      title: 'Not Found',
      detail: 'Cannot GET /nowhere',
    });
    expect(toProblem(new BadRequestException('Failed to decode param')).title).toBe('Bad Request');
    const internal = toProblem(new InternalServerErrorException('connect ECONNREFUSED 10.0.0.7:5432'));
    expect(internal).toMatchObject({ status: 500, code: 'internal' });
    expect(JSON.stringify(internal)).not.toContain('ECONNREFUSED');
  });
});
