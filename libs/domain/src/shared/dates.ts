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

export function addDays(date: LegalDate, days: number): LegalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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
