import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver, UseFormSetError, Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ProblemError } from '../../api/client';

/**
 * Validates the form with a domain schema (the one the API validates the
 * same body with). `normalise` turns what the inputs hold into the body;
 * `message` says each broken rule in the reader's language; `fieldOf`
 * names the input an issue's dotted path is shown under.
 */
export function domainSchemaResolver<Values extends FieldValues, Output>(
  schema: z.ZodType<Output>,
  normalise: (values: Values) => unknown,
  message: (issue: z.core.$ZodIssue) => string,
  fieldOf: (path: string) => string = (path) => path,
): Resolver<Values, unknown, Output> {
  return (values, _context, options) => {
    const result = schema.safeParse(normalise(values));
    if (result.success) return { values: result.data, errors: {} };
    const byField: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path.join('.'));
      byField[field] ??= { type: issue.code, message: message(issue) };
    }
    return { values: {}, errors: toNestErrors(byField, options) };
  };
}

/** A 400 problem names each field it refused (`field`: a dotted path into the body); show them where they belong. */
export function showProblemOnFields<Values extends FieldValues>(
  error: ProblemError,
  setError: UseFormSetError<Values>,
  knownFields: (field: string) => boolean,
  fieldOf: (path: string) => string = (path) => path,
): boolean {
  let shown = false;
  for (const entry of error.problem.errors ?? []) {
    const field = entry.field && fieldOf(entry.field);
    if (!field || !knownFields(field)) continue;
    setError(field as Path<Values>, { type: 'server', message: entry.message ?? error.message });
    shown = true;
  }
  return shown;
}
