import { z } from 'zod';

/**
 * Legal effect is stated in calendar dates in China Standard Time (UTC+8);
 * instants are stored in UTC. A LegalDate is `YYYY-MM-DD` and compares
 * correctly as a string.
 */
export const LegalDate = z.iso.date();
export type LegalDate = z.infer<typeof LegalDate>;

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in China Standard Time at a UTC instant. */
export function legalDateAt(instant: string): LegalDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
  return new Date(ms + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a China Standard Time calendar date begins. */
export function startOfLegalDate(date: LegalDate): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_STANDARD_TIME_OFFSET_MS).toISOString();
}

/** The last legal date a four-digit year can write. */
const LAST_LEGAL_DATE = '9999-12-31';

export function addDays(date: LegalDate, days: number): LegalDate {
  const result = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString();
  // Past year 9999 the ISO form grows a sign and six digits ("+010000-…"), which is
  // no legal date: every loop over days (addWorkingDays) would never end on it.
  if (result.length !== 24 || result.slice(0, 10) > LAST_LEGAL_DATE)
    throw new RangeError(`${date} plus ${days} days is past ${LAST_LEGAL_DATE}, the last legal date.`);
  return result.slice(0, 10);
}

export function addYears(date: LegalDate, years: number): LegalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

function isWeekend(date: LegalDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The date `workingDays` working days after `date` (Monday to Friday, minus
 * the listed public holidays). Public holidays are data: callers pass the
 * calendar they hold, so a corrected calendar changes no code.
 */
export function addWorkingDays(
  date: LegalDate,
  workingDays: number,
  holidays: ReadonlySet<LegalDate> = new Set(),
): LegalDate {
  let current = date;
  let remaining = workingDays;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !holidays.has(current)) remaining -= 1;
  }
  return current;
}
