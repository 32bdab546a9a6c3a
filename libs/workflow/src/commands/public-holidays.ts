import type { LegalDate } from '@licensing/domain';

/**
 * The service's public-holiday calendar: the days the 45-working-day review
 * clock and the deadlines-due queue skip besides weekends. Holidays are data
 * (PUBLIC_HOLIDAYS_FILE), so a newly published calendar changes no code.
 */
export type PublicHolidays = ReadonlySet<LegalDate>;

export const PUBLIC_HOLIDAYS = Symbol('PUBLIC_HOLIDAYS');

export const noPublicHolidays: PublicHolidays = new Set();
