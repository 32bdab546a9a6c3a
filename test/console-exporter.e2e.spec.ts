import { issuedLicense, officer, otherExporterUser, registerBaotou } from '@licensing/service-testing';
import { expectError, fillGoodApplication, party } from './support/application-form';
import { ConsoleUnderTest } from './support/console-browser';

// An exporter in a real browser: the application form validated with the
// domain's own schema, the pre-check, submitting; and another exporter's
// license out of reach by URL. The UI's exporter is wu.hao of Baotou; the
// API seeds Ningbo's license.
jest.setTimeout(180_000);

const baotouUser = { sub: otherExporterUser.id, role: 'exporter', exporterIds: ['baotou-rare-earth'] } as const;
const ningboLicenseApplication = 'app-ningbo-console-1';

describe('the console: an exporter', () => {
  let under: ConsoleUnderTest;
  let ningboLicenseId: string;

  beforeAll(async () => {
    under = await ConsoleUnderTest.start();
    const registered = await under.client.post('/exporters', otherExporterUser, registerBaotou);
    expect(registered.status).toBe(201);
    // A license valid from today (China Standard Time) for about six months.
    const legalDay = (offsetDays: number) =>
      new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    ningboLicenseId = await issuedLicense(under.client, ningboLicenseApplication, legalDay(0), legalDay(180));
  });
  afterAll(async () => {
    await under?.close();
  });

  it('sees field errors on a bad form, runs the pre-check, submits and lands on the application', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, baotouUser, '/applications/new');
    await page.getByRole('heading', { level: 1, name: 'New export license application' }).waitFor();
    await under.screenshot(page, 'new-application-exporter');
    expect(await under.accessibilityViolations(page)).toEqual([]);

    // The domain's schema refuses these; its rules are said under each field, in the reader's language.
    const controlCode = page.getByRole('group', { name: 'Item line 1' }).getByLabel(/^Control code/);
    await controlCode.fill('XYZ');
    await page.getByLabel(/^Destination country/).fill('de');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByRole('alert').getByText('Some fields need correcting').waitFor();
    await expectError(controlCode, 'A control code such as 1C902 or 1C902.a');
    await expectError(page.getByLabel(/^Destination country/), 'A two-letter country code in capitals, e.g. DE');
    await expectError(party(page, 'Consignee').getByLabel(/^Name/), 'Required');
    await expectError(page.getByRole('group', { name: 'Item line 1' }).getByLabel(/^Quantity/), 'Enter a number');
    await under.screenshot(page, 'new-application-field-errors');
    expect(await under.accessibilityViolations(page)).toEqual([]);

    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '新建出口许可证申请' }).waitFor();
    const controlCodeZh = page.getByRole('group', { name: '物项第 1 行' }).getByLabel(/^管制编码/);
    await expectError(controlCodeZh, '管制编码格式如 1C902 或 1C902.a');
    await under.screenshot(page, 'new-application-field-errors-zh');
    expect(await under.accessibilityViolations(page)).toEqual([]);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New export license application' }).waitFor();

    await fillGoodApplication(page);
    await page.getByLabel('Export date (China Standard Time)').fill('2026-11-20');
    await page.getByRole('button', { name: 'Run pre-check' }).click();
    const decision = page.getByTestId('decision-record');
    await decision.getByTestId('decision-verdict').getByText('License required').waitFor();
    const no57 = decision.locator('tr[data-measure="no-57-2025"]');
    expect(await no57.innerText()).toMatch(/In force\s+Yes/);
    await under.screenshot(page, 'new-application-pre-check');
    expect(await under.accessibilityViolations(page)).toEqual([]);

    // The API's own limit (an application id leaves room for its license's "L-"): its 400 lands on the field.
    const applicationId = page.getByLabel(/^Application id/);
    await applicationId.fill('a'.repeat(127));
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expectError(applicationId, /at most 126 characters/);

    await applicationId.fill('app-baotou-console-1');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.waitForURL(/\/console\/applications\/app-baotou-console-1$/);
    await page.getByText('app-baotou-console-1').first().waitFor();
    const stored = await under.client.get('/applications/app-baotou-console-1', otherExporterUser);
    expect(stored.status).toBe(200);
    expect(stored.body['status']).toBe('submitted');
  });

  it("cannot open another exporter's license by its address", async () => {
    expect((await under.client.get(`/licenses/${ningboLicenseId}`, officer)).status).toBe(200);
    const page = await under.newPage('en');
    await under.signIn(page, baotouUser, `/licenses/${ningboLicenseId}`);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/not found|no license|nothing/i);
    const main = await page.getByRole('main').innerText();
    expect(main).not.toContain('Hamburg Import GmbH');
    expect(main).not.toContain('Sm-Co');
    await under.screenshot(page, 'license-of-another-exporter');
    expect(await under.accessibilityViolations(page)).toEqual([]);
  });
});
