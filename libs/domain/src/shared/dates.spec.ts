import { addDays, addWorkingDays } from './dates';

describe('legal-date arithmetic', () => {
  it('adds calendar days and working days (weekends and holidays skipped)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // Friday 2026-11-27 + 1 working day: Monday, unless Monday is a holiday.
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 1, new Set(['2026-11-30']))).toBe('2026-12-01');
  });

  it('stops at 9999-12-31 with a clear error instead of looping on dates it cannot write', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(/past 9999-12-31, the last legal date/);
    expect(() => addWorkingDays('9999-12-29', 5)).toThrow(RangeError);
  });
});
