import { exporterUser, magnetApplication, registerNingbo } from '@licensing/service-testing';
import type { Page } from 'playwright-core';
import { ConsoleUnderTest } from './support/console-browser';

// The licensing officer's and reviewer's pages in a real browser: one
// application from "waiting for acceptance" to a license, every step
// through the console, each page screenshot and checked by axe.
jest.setTimeout(180_000);

const APPLICATION = 'app-console-0001';
const LICENSE = `L-${APPLICATION}`;
const OFFICER = { sub: 'zhang.min', role: 'licensing_officer' } as const;
const REVIEWER = { sub: 'wang.fang', role: 'reviewer' } as const;
const DIRECTOR = { sub: 'chen.jie', role: 'licensing_officer' } as const;

/** From today (China Standard Time) for the year an individual license may run at most: until the day before a year on. */
function validity(): { from: string; until: string } {
  const today = new Date(Date.now() + 8 * 3600_000);
  const until = new Date(today);
  until.setUTCFullYear(today.getUTCFullYear() + 1);
  until.setUTCDate(until.getUTCDate() - 1);
  return { from: today.toISOString().slice(0, 10), until: until.toISOString().slice(0, 10) };
}

describe('the console: licensing officer and reviewer pages', () => {
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    under = await ConsoleUnderTest.start();
    const { client } = under;
    const steps = [
      await client.post('/exporters', exporterUser, registerNingbo),
      await client.post('/applications', exporterUser, magnetApplication(APPLICATION)),
      await client.post(`/applications/${APPLICATION}/submit`, exporterUser),
    ];
    for (const reply of steps) expect(reply.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await under?.close();
  });

  async function check(page: Page, name: string): Promise<void> {
    // The page at rest: a link or button the pointer last clicked stays hovered otherwise.
    await page.mouse.move(0, 0);
    await under.screenshot(page, name);
    expect(await under.accessibilityViolations(page)).toEqual([]);
  }

  /** Waits for the status badge of the case on the page to read `status`. */
  async function statusIs(page: Page, status: string): Promise<void> {
    await page.locator(`h1 + [data-status="${status}"]`).waitFor();
  }

  it('shows an officer the submitted application waiting for acceptance; accepting and assigning happen on its page', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, OFFICER, '/work-queues');
    await page.getByRole('heading', { level: 1, name: 'Work queues' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Waiting for acceptance' }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('queue-awaiting-acceptance').getByRole('link', { name: APPLICATION }).waitFor();
    await check(page, 'officer-work-queues');

    await page.getByRole('link', { name: APPLICATION }).click();
    await page.getByRole('heading', { level: 1, name: `Application ${APPLICATION}` }).waitFor();
    await page.getByTestId('case-timeline').getByText('Application submitted').waitFor();
    await check(page, 'officer-application-submitted');

    await page.getByRole('button', { name: 'Accept for review' }).click();
    await statusIs(page, 'accepted');
    await page.getByTestId('case-timeline').getByText('Accepted for review').waitFor();
    // The domain's schema refuses an empty reviewer id before anything is sent.
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Required.').waitFor();
    await page.getByLabel('Reviewer user id').fill(REVIEWER.sub);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await statusIs(page, 'under_review');
    await page.getByTestId('case-timeline').getByText(`Reviewer: ${REVIEWER.sub}`).waitFor();
    await check(page, 'officer-application-assigned');
  });

  it('shows the reviewer the case assigned to them, and the review is completed on its page', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, REVIEWER, '/work-queues');
    await page.getByRole('tab', { name: 'Assigned to me' }).click();
    await page.getByTestId('queue-assigned-to-me').getByRole('link', { name: APPLICATION }).click();
    await page.getByRole('heading', { level: 1, name: `Application ${APPLICATION}` }).waitFor();
    await page.getByLabel('Approve', { exact: true }).check();
    await page.getByLabel('Review notes').fill('End user verified on site');
    await check(page, 'reviewer-application');
    await page.getByRole('button', { name: 'Complete the review' }).click();
    await statusIs(page, 'reviewed');
    await page.getByText('Nothing waits for you on this application now.').waitFor();
  });

  it('lets a second officer approve and issue the license, whose page shows the remaining quantity on any date', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, DIRECTOR, '/work-queues?queue=awaiting-decision');
    await page.getByTestId('queue-awaiting-decision').getByRole('link', { name: APPLICATION }).click();
    await statusIs(page, 'reviewed');
    await page.getByTestId('case-timeline').getByText('Recommendation: Approve').waitFor();
    await check(page, 'officer-application-reviewed');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await statusIs(page, 'approved');
    expect(await page.getByTestId('decision-verdict').innerText()).toBe('License required');
    await check(page, 'officer-application-approved');

    const { from, until } = validity();
    await page.getByLabel('Valid from').fill(from);
    await page.getByLabel('Valid until').fill(until);
    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByRole('link', { name: LICENSE }).click();
    await page.getByRole('heading', { level: 1, name: `License ${LICENSE}` }).waitFor();
    await statusIs(page, 'active');
    const remaining = page.getByTestId('license-lines').getByRole('row').nth(1);
    expect(await remaining.getByRole('cell').last().innerText()).toBe('100 kg');
    await check(page, 'officer-license');

    // The day before it is valid, the license reads "not yet valid": the date re-queries the API.
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('State on').fill(dayBefore);
    await statusIs(page, 'not_yet_valid');
    expect(page.url()).toContain(`asOf=${dayBefore}`);
  });

  it('lists applications and licenses a page at a time, filtered by status', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, OFFICER, '/applications');
    await page.getByLabel('Status', { exact: true }).selectOption('approved');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByTestId('application-table').getByRole('link', { name: APPLICATION }).waitFor();
    await check(page, 'officer-applications');
    await page.getByRole('navigation').getByRole('link', { name: 'Licenses' }).click();
    await page.getByTestId('license-table').getByRole('link', { name: LICENSE }).waitFor();
    await check(page, 'officer-licenses');

    // A case that is not there (or not the reader's: the API answers the same) is said plainly.
    await page.goto(`${under.baseUrl}/console/licenses/L-unknown`);
    await page.getByRole('alert').getByText('Not found, or not yours to see').waitFor();
    await check(page, 'officer-license-not-found');
  });

  it('shows the work queues in Chinese after switching the language', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, OFFICER, '/work-queues');
    await page.getByRole('heading', { level: 1, name: 'Work queues' }).waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作队列' }).waitFor();
    await page.getByRole('tab', { name: '待受理' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await check(page, 'officer-work-queues-zh');
  });
});
