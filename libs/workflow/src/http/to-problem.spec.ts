import { DomainError, IllegalTransitionError } from '@licensing/domain';
import { z } from 'zod';
import { NotFound, RevisionConflict, toProblem, Unauthenticated } from './to-problem';

describe('toProblem', () => {
  it('names every invalid field and the rule it broke', () => {
    const schema = z.object({ quantity: z.number().positive(), code: z.string().regex(/^1C/) });
    const result = schema.safeParse({ quantity: -1, code: 'x' });
    const body = toProblem(result.error);
    expect(body).toMatchObject({ status: 400, code: 'request.invalid', type: 'urn:export-licensing:problem:request.invalid' });
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
    expect(toProblem(new DomainError('license.quantity_exceeded', 'Only 5 kg remain.', { remaining: 5 }))).toMatchObject({
      status: 422,
      code: 'license.quantity_exceeded',
      remaining: 5,
    });
  });

  it('maps a refusal for the wrong role to 403', () => {
    expect(toProblem(new DomainError('application.role_not_allowed', 'Only a licensing officer may approve.')).status).toBe(403);
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
});
