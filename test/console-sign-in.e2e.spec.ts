import type { Page } from 'playwright-core';
import { type ConsoleRole, ConsoleUnderTest } from './support/console-browser';

// The console in a real browser: signing in through the local issuer's
// authorization-code flow with PKCE, per role, in both languages.
jest.setTimeout(120_000);

const PEOPLE: { sub: string; role: ConsoleRole; exporterIds?: string[] }[] = [
  { sub: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] },
  { sub: 'zhang.min', role: 'licensing_officer' },
  { sub: 'wang.fang', role: 'reviewer' },
  { sub: 'he.lan', role: 'policy_officer' },
  { sub: 'liu.yang', role: 'auditor' },
  { sub: 'ma.lin', role: 'ops' },
];

describe('the console: signing in', () => {
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    under = await ConsoleUnderTest.start();
  });
  afterAll(async () => {
    await under?.close();
  });

  async function navigationOf(page: Page): Promise<string[]> {
    return page.getByRole('navigation').getByRole('link').allInnerTexts();
  }

  it.each(PEOPLE)('signs in $sub as $role and shows that role only its own pages', async (person) => {
    const page = await under.newPage('en');
    await under.signIn(page, person);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${person.sub}` }).waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toContain(person.sub);
    expect(await navigationOf(page)).toContain('Home');
    await under.screenshot(page, `home-${person.role}`);
    expect(await under.accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the session across a reload, and signing out ends it', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, PEOPLE[1]!);
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in\?/);
  });

  it('speaks Chinese to a Chinese browser, and remembers a switch to English', async () => {
    const page = await under.newPage('zh');
    await page.goto(`${under.baseUrl}/console/`);
    await page.getByRole('heading', { level: 1, name: '登录内置服务' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await under.accessibilityViolations(page)).toEqual([]);
    await under.screenshot(page, 'sign-in-zh');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the embedded service' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the embedded service' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('asks an exporter user for the exporters they act for before signing in', async () => {
    const page = await under.newPage('en');
    await page.goto(`${under.baseUrl}/console/`);
    await page.waitForURL(/\/console\/sign-in\?/);
    await page.locator('input[name="sub"]').fill('li.wei');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Required', { exact: true }).waitFor();
    expect(page.url()).toContain('/console/sign-in?');
  });
});
