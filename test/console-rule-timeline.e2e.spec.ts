import type { Page } from 'playwright-core';
import { ConsoleUnderTest } from './support/console-browser';

// The policy officer's rule timeline in a real browser, on the seeded
// policy history: No. 70 of 2025 suspended No. 57 from 2025-11-07 to
// 2026-11-10, and the suspension was recorded on 2025-11-06 (UTC).
jest.setTimeout(120_000);

const policyOfficer = { sub: 'he.lan', role: 'policy_officer' } as const;
const no57Band = (page: Page, state: string) =>
  page.locator(`[data-testid="rule-timeline-table"] tr[data-measure="no-57-2025"][data-state="${state}"]`);

describe('the console: the rule timeline', () => {
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    under = await ConsoleUnderTest.start();
  });
  afterAll(async () => {
    await under?.close();
  });

  it("shows No. 57's suspension ending on 2026-11-10, and none as known before it was announced", async () => {
    const page = await under.newPage('en');
    await under.signIn(page, policyOfficer, '/rule-timeline');
    await page.getByRole('heading', { level: 1, name: 'Rule timeline' }).waitFor();

    const suspended = no57Band(page, 'suspended');
    await suspended.waitFor();
    expect(await suspended.getAttribute('data-from')).toBe('2025-11-07');
    expect(await suspended.getAttribute('data-until')).toBe('2026-11-10');
    expect(await suspended.innerText()).toContain('10 November 2026');
    // Back in force from the day the suspension ends.
    expect(await no57Band(page, 'in_force').getAttribute('data-from')).toBe('2026-11-10');
    // The chart says the same in its bars' titles.
    const titles = await page.getByTestId('rule-timeline-chart').locator('svg title').allTextContents();
    expect(titles).toContain('MOFCOM Announcement No. 57 of 2025: Suspended, 7 November 2025 – 10 November 2026');
    await under.screenshot(page, 'rule-timeline-policy_officer');
    expect(await under.accessibilityViolations(page)).toEqual([]);

    // China Standard Time: 2025-11-01 00:00 is before No. 70 was recorded.
    await page.getByLabel('Known at (China Standard Time)').fill('2025-11-01T00:00');
    await page.getByTestId('known-at-caption').getByText('As known at 01/11/2025, 00:00:00 CST (UTC+8)').waitFor();
    await no57Band(page, 'in_force').and(page.locator('[data-from="2025-11-08"]')).waitFor();
    expect(await no57Band(page, 'suspended').count()).toBe(0);
    expect(await page.locator('[data-testid="rule-timeline-table"] tr[data-state="suspended"]').count()).toBe(0);
    expect(page.url()).toContain('knownAt=2025-10-31T16%3A00%3A00.000Z');
    await under.screenshot(page, 'rule-timeline-known-at-2025-11-01');
  });

  it('follows a change in the feed to the announcement that ordered it', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, policyOfficer, '/rule-timeline');
    const change = page.locator(
      '[data-testid="changes-feed"] tr[data-measure="no-57-2025"][data-type="MeasureSuspended"]',
    );
    await change.getByRole('link', { name: 'MOFCOM Announcement No. 70 of 2025' }).click();

    await page.waitForURL(/\/console\/announcements\/no-70-2025$/);
    await page.getByRole('heading', { level: 1, name: 'MOFCOM Announcement No. 70 of 2025' }).waitFor();
    const act = page.locator('[data-testid="announcement-acts"] tr[data-act="suspend-no-57-2025"]');
    expect(await act.getAttribute('data-state')).toBe('applied');
    expect(await act.innerText()).toContain('7 November 2025 – 10 November 2026');
    expect(await page.locator('[data-testid="announcement-acts"] tbody tr').count()).toBe(6);
    await under.screenshot(page, 'announcement-no-70-2025');
    expect(await under.accessibilityViolations(page)).toEqual([]);
  });

  it('draws the same timeline in Chinese', async () => {
    const page = await under.newPage('zh');
    await under.signIn(page, policyOfficer, '/rule-timeline');
    await page.getByRole('heading', { level: 1, name: '管制规则时间轴' }).waitFor();
    const suspended = no57Band(page, 'suspended');
    await suspended.waitFor();
    expect(await suspended.innerText()).toContain('商务部公告2025年第57号');
    expect(await suspended.innerText()).toContain('暂停实施');
    expect(await suspended.innerText()).toContain('2026年11月10日');
    await under.screenshot(page, 'rule-timeline-policy_officer-zh');
    expect(await under.accessibilityViolations(page)).toEqual([]);
  });
});
