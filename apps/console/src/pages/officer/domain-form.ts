import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { type CSSProperties, useMemo } from 'react';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

interface IssueFacts {
  readonly code?: string;
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

/** zod's issue, said in the reader's language (zod's own messages are English). */
function messageFor(issue: IssueFacts, t: TFunction): string {
  const array = issue.origin === 'array';
  if (issue.code === 'too_small' && !array) return t('errors.required');
  if (issue.code === 'too_big') return t(array ? 'errors.tooMany' : 'errors.tooLong', { max: issue.maximum });
  if (issue.code === 'invalid_format') return t('errors.format');
  return t('errors.invalid');
}

/** Patterns such as ids carry an English message of their own in the domain, which wins over a parse's error map. */
function translateFormats(errors: FieldErrors, t: TFunction): void {
  for (const error of Object.values(errors)) {
    if (error === undefined) continue;
    if (error.type === 'invalid_format') error.message = t('errors.format');
    else if (typeof error === 'object' && error.message === undefined) translateFormats(error as FieldErrors, t);
  }
}

/**
 * A react-hook-form resolver from the domain's zod schema: the same schema
 * the API validates the command with, so a form refuses exactly what the
 * API would, field by field, in the reader's language.
 */
export function useDomainResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  const { t } = useTranslation('officer');
  return useMemo(() => {
    const resolve = zodResolver(schema, { error: (issue) => messageFor(issue as IssueFacts, t) });
    const translated: typeof resolve = async (values, context, options) => {
      const result = await resolve(values, context, options);
      translateFormats(result.errors, t);
      return result;
    };
    return translated;
  }, [schema, t]);
}

/**
 * Mantine writes field errors (and an invalid field's text) in red 6, under
 * WCAG AA's 4.5:1 on white, which axe fails; a form styled with this uses red 9.
 */
export const readableErrors = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
