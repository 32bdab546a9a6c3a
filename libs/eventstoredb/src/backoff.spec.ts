import { backoffDelay, checkBackoffSettings, DEFAULT_BACKOFF } from './backoff';

describe('re-subscription backoff', () => {
  const noJitter = { ...DEFAULT_BACKOFF, jitter: 0 };

  it('doubles from the initial delay and stays at the cap', () => {
    const schedule = Array.from({ length: 10 }, (_, failures) => backoffDelay(failures, noJitter));
    expect(schedule).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
    expect(backoffDelay(5000, noJitter)).toBe(10_000);
  });

  it('jitter only shortens a delay, by at most its fraction', () => {
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(800);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(720);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999999)).toBe(640);
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 0)).toBe(10_000);
  });

  it('refuses settings that would spin or never grow', () => {
    expect(checkBackoffSettings(DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF);
    expect(() => checkBackoffSettings({ ...DEFAULT_BACKOFF, initialDelayMs: 0 })).toThrow(/initialDelayMs must be a positive number/);
    expect(() => checkBackoffSettings({ ...DEFAULT_BACKOFF, maxDelayMs: 50 })).toThrow(/maxDelayMs \(50\) must be at least initialDelayMs \(100\)/);
    expect(() => checkBackoffSettings({ ...DEFAULT_BACKOFF, multiplier: 0.5 })).toThrow(/multiplier must be ≥ 1/);
    expect(() => checkBackoffSettings({ ...DEFAULT_BACKOFF, jitter: 2 })).toThrow(/jitter must be between 0 and 1/);
  });
});
