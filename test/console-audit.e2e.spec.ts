import { approvedApplication, auditor, director, exporterUser, officer, reviewer } from '@licensing/service-testing';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ConsoleUnderTest } from './support/console-browser';
import { freePort } from './support/free-port';

// The auditor's pages in a real browser: the log verified (and, on a store
// altered underneath the stopped service, refused naming the event), the
// event browser's integrity checks, and a decision replayed beside a what-if.
jest.setTimeout(180_000);

const APPLICATION = 'app-audit-0001';
const AUDITOR = { sub: auditor.id, role: 'auditor' } as const;
const AMENDMENT = 'amd-1';

/** Today and half a year on, in China Standard Time: the license's validity (an individual license runs a year at most). */
function validity(): { validFrom: string; validUntil: string } {
  const today = Date.now() + 8 * 3600_000;
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  return { validFrom: day(today), validUntil: day(today + 182 * 86_400_000) };
}

/** The application's license, and an amendment request on it decided like an application (README's requests). */
async function amendedLicense(client: ConsoleUnderTest['client']): Promise<string> {
  const issued = await client.post('/licenses', officer, { applicationId: APPLICATION, ...validity() });
  if (issued.status >= 300) throw new Error(`issue: ${issued.status}: ${JSON.stringify(issued.body)}`);
  const license = issued.body.id as string;
  const steps = [
    await client.post(`/licenses/${license}/request-amendment`, exporterUser, {
      amendmentRequestId: AMENDMENT,
      changes: { quantities: [{ lineId: '1', quantity: 150 }] },
      reason: 'The contract grew to 150 kg',
    }),
    await client.post(`/licenses/${license}/assign-amendment-reviewer`, officer, {
      amendmentRequestId: AMENDMENT,
      reviewerId: reviewer.id,
    }),
    await client.post(`/licenses/${license}/complete-amendment-review`, reviewer, {
      amendmentRequestId: AMENDMENT,
      recommendation: 'approve',
      notes: 'New contract seen',
    }),
    await client.post(`/licenses/${license}/approve-amendment`, director, { amendmentRequestId: AMENDMENT }),
  ];
  for (const reply of steps) if (reply.status >= 300) throw new Error(`${reply.status}: ${JSON.stringify(reply.body)}`);
  return license;
}

describe('the console: auditor pages', () => {
  let under: ConsoleUnderTest;
  let license: string;

  beforeAll(async () => {
    // A fixed port: the service is restarted on the altered store at the same address (and browser origin).
    under = await ConsoleUnderTest.start({ PORT: String(await freePort()) });
    await approvedApplication(under.client, APPLICATION);
    license = await amendedLicense(under.client);
    expect((await under.client.post('/audit/tree-heads', auditor)).status).toBe(201);
  });
  afterAll(async () => {
    await under?.close();
  });

  async function check(page: Page, name: string): Promise<void> {
    await under.screenshot(page, name);
    expect(await under.accessibilityViolations(page)).toEqual([]);
  }

  it('shows the latest signed tree head, its signature checked in the browser, and a verification that passes', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, AUDITOR, '/verification');
    await page.getByRole('heading', { level: 1, name: 'Verification of the log' }).waitFor();
    await page.getByText('Signature verified in this browser').waitFor();
    await page.getByRole('button', { name: 'Run verification' }).click();
    const outcome = page.locator('[data-outcome]');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('passed');
    expect(await outcome.innerText()).toContain('Verified: the log is intact');
    await check(page, 'auditor-verification-passed');
  });

  it('browses the log with every event verified in the browser, and shows an event whole', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, AUDITOR, `/events?source=stream&streamId=application-${APPLICATION}`);
    await page.getByRole('heading', { level: 1, name: 'Event log' }).waitFor();
    const rows = page.locator('tr[data-event-id]');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(6);
    // Each row's check ends in a status; every one must be "verified".
    await page
      .locator('[data-integrity]')
      .nth(count - 1)
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-integrity="verified"]').count()).toBe(count);
    await page
      .getByRole('button', { name: /Show the whole event at position/ })
      .first()
      .click();
    await page.getByText('"type": "ApplicationDrafted"').waitFor();
    await check(page, 'auditor-event-log');
  });

  it('replays a decision beside a what-if at an earlier legal date, rule by rule, in Chinese too', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, AUDITOR, '/decisions');
    await page.getByRole('heading', { level: 1, name: 'Decision replay' }).waitFor();
    await page.getByLabel('Measure id').fill('no-18-2025');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: APPLICATION, exact: true }).waitFor();
    await check(page, 'auditor-decisions');
    await page.getByRole('link', { name: APPLICATION, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Decision of application ${APPLICATION}` }).waitFor();
    await page.getByTestId('what-if-verdict').getByText('Same as the record').waitFor();
    await page.getByLabel('Legal date (China Standard Time)').fill('2025-03-01');
    await page.getByRole('button', { name: 'Re-evaluate' }).click();
    await page.getByTestId('replay-verdict').getByText('Matches the record').waitFor();
    await page.getByTestId('what-if-verdict').getByText('Differs from the record').waitFor();
    const whatIfRules = page.getByTestId('what-if-differences').locator('tr[data-rule]');
    await whatIfRules.first().waitFor();
    expect(await page.getByTestId('replay-differences').innerText()).toContain('No rule, measure or field differs.');
    await check(page, 'auditor-decision-replay');

    const zh = await under.newPage('zh');
    await under.signIn(zh, AUDITOR, `/decisions/${APPLICATION}?validOn=2025-03-01`);
    await zh.getByRole('heading', { level: 1, name: `申请 ${APPLICATION} 的决定` }).waitFor();
    await zh.getByTestId('replay-verdict').getByText('与记录一致').waitFor();
    await zh.getByTestId('what-if-differences').locator('tr[data-rule]').first().waitFor();
    await check(zh, 'auditor-decision-replay-zh');
  });

  it("replays an amendment request's decision on its license", async () => {
    const page = await under.newPage('en');
    await under.signIn(page, AUDITOR, `/decisions/licenses/${license}/amendments/${AMENDMENT}`);
    const title = `Decision on amendment request ${AMENDMENT} of license ${license}`;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('replay-verdict').getByText('Matches the record').waitFor();
    await page.getByTestId('what-if-verdict').getByText('Same as the record').waitFor();
    await check(page, 'auditor-amendment-replay');
  });

  it('on a store altered underneath the stopped service, the verification fails naming the altered event', async () => {
    await under.service.stop();
    const db = new BetterSqlite3(join(under.dataDir, 'events.sqlite'));
    const row = db
      .prepare('SELECT position, data FROM events WHERE stream_id = ? AND revision = 0')
      .get(`application-${APPLICATION}`) as { position: number; data: string };
    const data = { ...(JSON.parse(row.data) as Record<string, unknown>), purpose: 'Quietly rewritten' };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), row.position);
    db.close();
    await under.service.start();

    const page = await under.newPage('en');
    await under.signIn(page, AUDITOR, '/verification');
    await page.getByRole('button', { name: 'Run verification' }).click();
    const outcome = page.locator('[data-outcome]');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('failed');
    const problem = await page.getByTestId('first-problem').innerText();
    expect(problem).toContain('content altered');
    expect(problem).toContain(`Stream: application-${APPLICATION}, revision 0`);
    expect(problem).toContain(`Position: ${row.position}`);
    await check(page, 'auditor-verification-failed');

    await page.goto(`${under.baseUrl}/console/events?source=stream&streamId=application-${APPLICATION}`);
    await page.locator('[data-integrity="altered"]').waitFor();
    expect(await page.locator('[data-integrity="altered"]').count()).toBe(1);
  });
});
