import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidRequest } from '../shared/application-errors';
import type { FieldProblem } from './problem-details';

/**
 * A global pipe: every path parameter named in `schemas` is parsed with its
 * schema wherever a handler reads it (`@Param('id')`), so no controller can
 * forget to, and a bad value is a 400 problem naming the parameter. It runs
 * after the guards and interceptors and before the handler: nothing is
 * stored for a refused id.
 */
export class PathParams implements PipeTransform {
  constructor(private readonly schemas: Readonly<Record<string, z.ZodType>>) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const name = metadata.data;
    if (metadata.type !== 'param' || name === undefined) return value;
    const schema = this.schemas[name];
    if (schema === undefined) return value;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const errors: FieldProblem[] = result.error.issues.map((issue) => ({
      field: name,
      rule: issue.code,
      message: issue.message,
    }));
    throw new InvalidRequest(
      'request.invalid_path_parameter',
      `Path parameter ${name}: ${errors.map((e) => e.message).join('; ')}.`,
      { parameter: name, errors },
    );
  }
}
