import { LegalDate } from '@licensing/domain';
import { noPublicHolidays, type PublicHolidays } from '@licensing/workflow';
import { readFileSync } from 'node:fs';

/**
 * The calendar PUBLIC_HOLIDAYS_FILE names: one date (YYYY-MM-DD, China
 * Standard Time) a line; blank lines and `#` comments (the notice a year's
 * dates come from, say) are ignored. Unset: no holidays, weekends only. A
 * line that is not a date stops the start, naming the line: a calendar read
 * wrongly would move every review deadline silently.
 */
export function readPublicHolidays(file: string | undefined): PublicHolidays {
  if (file === undefined) return noPublicHolidays;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`PUBLIC_HOLIDAYS_FILE ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const dates = new Set<LegalDate>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const parsed = LegalDate.safeParse(line);
    if (!parsed.success)
      throw new Error(`PUBLIC_HOLIDAYS_FILE ${file}, line ${index + 1}: "${line}" is not a date (YYYY-MM-DD)`);
    dates.add(parsed.data);
  });
  return dates;
}
