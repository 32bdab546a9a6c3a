import type { LegalDate } from '@licensing/contracts';

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China Standard Time at a UTC instant: the calendar licenses are dated in. */
export function legalDateAt(instant: Date): LegalDate {
  return new Date(instant.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

/** Where the HTTP layer gets "today"; the gate's rules only ever receive the date. */
export interface GateClock {
  today(): LegalDate;
}

export function gateClock(fixedAt: string | undefined): GateClock {
  if (fixedAt !== undefined) {
    const date = legalDateAt(new Date(fixedAt));
    return { today: () => date };
  }
  return { today: () => legalDateAt(new Date()) };
}
