import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request body with the same zod schema the command uses, so a
 * bad field becomes a 400 problem naming the field and the rule broken.
 */
export class ZodBody<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    return this.schema.parse(value ?? {});
  }
}
