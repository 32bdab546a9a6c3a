import {
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  otherExporterUser,
  registerBaotou,
  registerNingbo,
} from '@licensing/service-testing';
import type { Page } from 'playwright-core';
import { ConsoleUnderTest } from './support/console-browser';
import { appendPoisonEvent } from './support/poison-event';

// The ops pages in a real browser: a command's event arriving in the live
// tail (and one sent while paused arriving on resume), a rebuild started
// from the page followed to its swap, consumer lag drawn as a chart, and
// the parked events list.
jest.setTimeout(180_000);

const OPS = { sub: opsUser.id, role: 'ops' } as const;
/** A third exporter, registered by an officer while the tail shows exporters only. */
const registerXiamen = {
  ...registerBaotou,
  exporterId: 'xiamen-tungsten',
  name: 'Xiamen Tungsten Co., Ltd.',
  unifiedSocialCreditCode: '91350200MA0X5678AB',
};

describe('the console: ops pages', () => {
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    // One failed attempt parks an event: the spec need not wait out the backoff of five.
    under = await ConsoleUnderTest.start({ PROJECTION_PARK_AFTER_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await under?.close();
  });

  async function check(page: Page, name: string): Promise<void> {
    await under.screenshot(page, name);
    expect(await under.accessibilityViolations(page)).toEqual([]);
  }

  const tailState = (page: Page, state: string) => page.locator(`[data-state="${state}"]`).waitFor();

  it('shows a command sent through the API in the live tail, what was sent while paused on resume, and only the categories asked for', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, OPS, '/live-tail');
    await page.getByRole('heading', { level: 1, name: 'Live tail' }).waitFor();
    await tailState(page, 'live');

    expect((await under.client.post('/exporters', exporterUser, registerNingbo)).status).toBeLessThan(300);
    const registered = page.locator(
      'tr[data-stream="exporter-ningbo-magnetics"][data-event-type="ExporterRegistered"]',
    );
    await registered.waitFor();
    expect(await registered.innerText()).toContain(exporterUser.id);
    await check(page, 'ops-live-tail');

    await page.getByRole('button', { name: 'Pause' }).click();
    await tailState(page, 'paused');
    expect((await under.client.post('/exporters', otherExporterUser, registerBaotou)).status).toBeLessThan(300);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('tr[data-stream="exporter-baotou-rare-earth"]').waitFor();
    await tailState(page, 'live');

    // Exporters only from here on: an application drafted meanwhile stays out, the next exporter comes in.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByPlaceholder('All categories').click();
    await page.getByRole('option', { name: 'Exporters' }).click();
    await page.keyboard.press('Escape');
    expect(
      (await under.client.post('/applications', exporterUser, magnetApplication('app-tail-0001'))).status,
    ).toBeLessThan(300);
    expect((await under.client.post('/exporters', officer, registerXiamen)).status).toBeLessThan(300);
    await page.locator('tr[data-stream="exporter-xiamen-tungsten"]').waitFor();
    expect(await page.locator('tr[data-stream^="application-"]').count()).toBe(0);
  });

  it('starts a rebuild from the page and follows its progress until every read model is swapped in', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, OPS, '/rebuilds');
    await page.getByRole('heading', { level: 1, name: 'Read-model rebuilds' }).waitFor();
    await page.getByRole('button', { name: 'Start rebuild' }).click();
    const rebuild = page.locator('[data-rebuild]').first();
    await rebuild.locator('[data-state="completed"]').waitFor({ timeout: 60_000 });
    const bars = rebuild.getByRole('progressbar');
    expect(await bars.count()).toBeGreaterThanOrEqual(3);
    for (const bar of await bars.all()) expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await rebuild.getByText('Swapped in').count()).toBe(await bars.count());
    await check(page, 'ops-rebuilds');
  });

  it('draws each consumer’s lag over time and lists the consumers, in Chinese too', async () => {
    const page = await under.newPage('zh');
    await under.signIn(page, OPS, '/consumers');
    await page.getByRole('heading', { level: 1, name: '消费者' }).waitFor();
    const chart = page.getByTestId('consumer-lag-chart');
    await chart.locator('svg[aria-label="各消费者滞后事件数随时间的变化"]').waitFor();
    // A line per read model (flat at zero lag: drawn, though with no height to be "visible").
    const lines = chart.locator('g[data-mark="line"] path');
    await lines.first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await lines.count()).toBe(await page.locator('tr[data-consumer]').count());
    await page.locator('tr[data-consumer="license-state"]').getByText('已追上').waitFor();
    await check(page, 'ops-consumers-zh');
  });

  it('lists the events the read models parked; ops skip one with a reason and retry another', async () => {
    await appendPoisonEvent(under.dataDir);
    const page = await under.newPage('en');
    await under.signIn(page, OPS, '/parked-events');
    await page.getByRole('heading', { level: 1, name: 'Parked events' }).waitFor();
    // Each read model parks it on its own; the page reads the list again every few seconds.
    const parked = page.locator('tr[data-parked-id]');
    await parked.nth(1).waitFor({ timeout: 30_000 });
    await check(page, 'ops-parked-events');

    await parked
      .nth(0)
      .getByRole('button', { name: /^Skip / })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
    // The domain's schema wants a reason to skip, before anything is sent.
    await dialog.getByText('Give a reason').waitFor();
    await dialog.getByLabel('Reason (required)').fill('Test data appended by hand');
    await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.getByRole('status').getByText('was skipped for good').waitFor();

    await parked
      .nth(0)
      .getByRole('button', { name: /^Retry / })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retry', exact: true }).click();
    await page.getByRole('status').getByText('failed again').waitFor();
  });
});
