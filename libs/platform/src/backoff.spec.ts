import { backoffSettings, RESTART_BACKOFF } from './backoff';
import { RestartBackoff, sleepUnlessAborted } from './restart-backoff';

const waits = (backoff: RestartBackoff, count: number) => Array.from({ length: count }, () => backoff.nextDelayMs());

describe('the backoff without jitter', () => {
  const exact = { ...RESTART_BACKOFF, jitter: false };

  it('doubles from the first wait up to the cap', () => {
    expect(waits(new RestartBackoff({ ...exact, initialDelayMs: 200, maxDelayMs: 1000 }), 5)).toEqual([
      200, 400, 800, 1000, 1000,
    ]);
    expect(waits(new RestartBackoff({ ...exact, initialDelayMs: 100 }), 10)).toEqual([
      100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000,
    ]);
  });

  it('stays at the cap however long the outage lasts', () => {
    expect(waits(new RestartBackoff({ ...exact, initialDelayMs: 100 }), 5000).at(-1)).toBe(10_000);
  });

  it('grows by the multiplier given', () => {
    expect(waits(new RestartBackoff({ ...exact, initialDelayMs: 100, multiplier: 3 }), 4)).toEqual([
      100, 300, 900, 2700,
    ]);
  });
});

describe('the backoff with decorrelated jitter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is cockatiel’s decorrelated jitter: the same random draws give the same waits, growing to the cap', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(waits(new RestartBackoff({ ...RESTART_BACKOFF, initialDelayMs: 100 }), 10)).toEqual([
      90, 109, 204, 405, 808, 1616, 3233, 6465, 10_000, 10_000,
    ]);
  });

  it('never waits longer than the cap nor less than nothing, and spreads clients apart', () => {
    const schedules = Array.from({ length: 50 }, () =>
      waits(new RestartBackoff({ ...RESTART_BACKOFF, initialDelayMs: 100 }), 40),
    );
    for (const schedule of schedules) {
      for (const wait of schedule) expect(wait).toBeGreaterThanOrEqual(0);
      for (const wait of schedule) expect(wait).toBeLessThanOrEqual(10_000);
      // A long outage ends up retried at the cap's pace.
      expect(schedule.slice(-10)).toEqual(Array.from({ length: 10 }, () => 10_000));
    }
    // The first waits differ between clients: no herd returning in lockstep.
    expect(new Set(schedules.map((schedule) => schedule[0])).size).toBeGreaterThan(10);
    // The first wait scales with initialDelayMs: below about 1.4 × it.
    for (const schedule of schedules) expect(schedule[0]).toBeLessThanOrEqual(138);
  });

  it('starts over after progress', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const backoff = new RestartBackoff({ ...RESTART_BACKOFF, initialDelayMs: 100 });
    expect(waits(backoff, 3)).toEqual([90, 109, 204]);
    expect(backoff.failures).toBe(3);
    backoff.reset();
    expect(backoff.failures).toBe(0);
    expect(waits(backoff, 2)).toEqual([90, 109]);
    expect(backoff.failures).toBe(2);
  });
});

describe('backoffSettings', () => {
  it('fills a preset with the overrides given, ignoring undefined ones', () => {
    expect(backoffSettings(RESTART_BACKOFF)).toEqual(RESTART_BACKOFF);
    expect(backoffSettings(RESTART_BACKOFF, { initialDelayMs: 50, maxDelayMs: undefined })).toEqual({
      ...RESTART_BACKOFF,
      initialDelayMs: 50,
    });
  });

  it('refuses settings that would spin or never grow, naming the backoff', () => {
    expect(() => backoffSettings(RESTART_BACKOFF, { initialDelayMs: 0 }, 're-subscription backoff')).toThrow(
      /^Invalid re-subscription backoff: initialDelayMs must be a positive number, got 0\.$/,
    );
    expect(() => backoffSettings({ ...RESTART_BACKOFF, initialDelayMs: 100 }, { maxDelayMs: 50 })).toThrow(
      /maxDelayMs \(50\) must be at least initialDelayMs \(100\)/,
    );
    expect(() => backoffSettings(RESTART_BACKOFF, { multiplier: 0.5 })).toThrow(/multiplier must be ≥ 1, got 0.5/);
    expect(() => backoffSettings(RESTART_BACKOFF, { maxDelayMs: Infinity })).toThrow(
      /maxDelayMs must be a finite number/,
    );
    expect(() => backoffSettings(RESTART_BACKOFF, { jitter: 0.2 as unknown as boolean })).toThrow(
      /jitter must be true or false, got 0.2/,
    );
    expect(() => backoffSettings(RESTART_BACKOFF, { initialDelayMs: 0 })).toThrow(RangeError);
  });
});

describe('sleepUnlessAborted', () => {
  it('waits the time given', async () => {
    const started = Date.now();
    await sleepUnlessAborted(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('ends at once when aborted during the wait or before it', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const sleeping = sleepUnlessAborted(60_000, abort.signal);
    abort.abort();
    await sleeping;
    await sleepUnlessAborted(60_000, abort.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
