import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** Fields whose format rule has a message of its own, by the last segment of their path. */
const FORMAT_MESSAGES: Record<string, string> = {
  controlCode: 'errors.controlCode',
  country: 'errors.country',
  destination: 'errors.country',
  applicationId: 'errors.id',
  exporterId: 'errors.id',
  lineId: 'errors.id',
};

/**
 * The domain's schemas speak English (the API answers with their
 * messages); the form says the same in the reader's language, from the
 * issue's code and limits rather than its text.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: TFunction<'exporter'>): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        if (issue.exact) return t('errors.exactLength', { length: issue.minimum });
        return Number(issue.minimum) <= 1 ? t('errors.required') : t('errors.tooShort', { minimum: issue.minimum });
      }
      if (issue.origin === 'array') return t('errors.tooFewEntries', { minimum: issue.minimum });
      return issue.inclusive
        ? t('errors.numberTooSmall', { minimum: issue.minimum })
        : t('errors.numberAboveZero', { minimum: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') {
        if (issue.exact) return t('errors.exactLength', { length: issue.maximum });
        return t('errors.tooLong', { maximum: issue.maximum });
      }
      if (issue.origin === 'array') return t('errors.tooManyEntries', { maximum: issue.maximum });
      return t('errors.numberTooBig', { maximum: issue.maximum });
    case 'invalid_format': {
      const field = String(issue.path[issue.path.length - 1] ?? '');
      return t((FORMAT_MESSAGES[field] ?? 'errors.format') as 'errors.format');
    }
    case 'invalid_type':
      return issue.expected === 'number' ? t('errors.notANumber') : t('errors.required');
    case 'invalid_value':
      return t('errors.chooseOption');
    // A discriminated union's tag (the license type) that is none of its options.
    case 'invalid_union':
      return t('errors.chooseOption');
    default:
      return issue.message;
  }
}
