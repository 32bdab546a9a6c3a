import { auditor, officer, otherExporterUser, registerBaotou } from '@licensing/service-testing';
import { expectError, fillGoodApplication, fillParty } from './support/application-form';
import { ConsoleUnderTest } from './support/console-browser';

// An exporter applies for a general license through the console: more end
// users, its internal compliance system and past license use, each checked
// with the domain's schema for general licenses; the pre-check says whether
// the exporter may have one; the officer's page shows the application as
// general. Baotou is certified and qualified first, so it is eligible.
jest.setTimeout(180_000);

const baotouUser = { sub: otherExporterUser.id, role: 'exporter', exporterIds: ['baotou-rare-earth'] } as const;
const officerUser = { sub: officer.id, role: 'licensing_officer' } as const;
const APPLICATION = 'app-baotou-general-1';

describe('the console: an exporter applying for a general license', () => {
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    under = await ConsoleUnderTest.start();
    const { client } = under;
    const steps = [
      await client.post('/exporters', otherExporterUser, registerBaotou),
      await client.post('/exporters/baotou-rare-earth/certify-compliance-programme', officer, {
        certificateRef: 'ICP-2026-21',
      }),
      await client.post('/exporters/baotou-rare-earth/qualify-for-general-licenses', officer),
    ];
    for (const reply of steps) expect(reply.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await under?.close();
  });

  it('drafts it with two more end users and its compliance system, pre-checks and submits it; the officer sees a general license', async () => {
    const page = await under.newPage('en');
    await under.signIn(page, baotouUser, '/applications/new');
    await page.getByRole('heading', { level: 1, name: 'New export license application' }).waitFor();
    await page.getByRole('radio', { name: 'General license' }).check();
    await page.getByRole('heading', { level: 2, name: 'General license' }).waitFor();

    await fillGoodApplication(page);
    for (const [legend, name] of [
      ['End user 2', 'Munich Drives AG'],
      ['End user 3', 'Lyon Moteurs SA'],
    ] as const) {
      await page.getByRole('button', { name: 'Add an end user' }).click();
      await fillParty(page, legend, name, legend === 'End user 2' ? 'DE' : 'FR');
    }
    const compliance = page.getByRole('group', { name: 'Internal compliance system' });
    await compliance.getByLabel(/^How the compliance system works/).fill('Screening of every party and item.');
    await page.getByLabel(/^Summary of past license use/).fill('Twenty licensed exports since 2023.');

    // The compliance certificate is left out: the general license's schema asks for it, in either language.
    await page.getByRole('button', { name: 'Submit application' }).click();
    const certificate = compliance.getByLabel(/^Compliance certificate reference/);
    await expectError(certificate, 'Required');
    await under.screenshot(page, 'general-license-field-error');
    expect(await under.accessibilityViolations(page)).toEqual([]);
    await page.getByText('中文', { exact: true }).click();
    await expectError(
      page.getByRole('group', { name: '出口管制内部合规制度' }).getByLabel(/^合规制度认证证书编号/),
      '必填',
    );
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New export license application' }).waitFor();

    await certificate.fill('ICP-2026-21');
    await page.getByLabel(/^Earlier license numbers/).fill('L-app-2024-0007\nL-app-2025-0012\n');
    // No export date: today, when Baotou is already certified and qualified (earlier dates see it as it was then).
    await page.getByRole('button', { name: 'Run pre-check' }).click();
    const general = page.getByTestId('decision-record').getByTestId('general-license');
    await general.getByText('A general license is requested.').waitFor();
    expect(await general.getByTestId('general-license-eligibility').innerText()).toBe('Eligible for a general license');
    expect(await general.getByRole('listitem').first().innerText()).toMatch(/meets the general-license conditions/);
    await under.screenshot(page, 'general-license-pre-check');
    expect(await under.accessibilityViolations(page)).toEqual([]);

    await page.getByLabel(/^Application id/).fill(APPLICATION);
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.waitForURL(new RegExp(`/console/applications/${APPLICATION}$`));
    const stored = await under.client.get(`/applications/${APPLICATION}`, otherExporterUser);
    expect(stored.status).toBe(200);
    expect(stored.body['status']).toBe('submitted');
    expect(stored.body['licenseType']).toBe('general');
    // What was drafted, as the event log keeps it: the general fields exactly as typed.
    const log = await under.client.get(`/audit/streams/application-${APPLICATION}/events`, auditor);
    const drafted = log.body.events.find((event: { type: string }) => event.type === 'ApplicationDrafted');
    expect(drafted.data.application).toMatchObject({
      licenseType: 'general',
      additionalEndUsers: [
        { name: 'Munich Drives AG', country: 'DE' },
        { name: 'Lyon Moteurs SA', country: 'FR' },
      ],
      complianceSystem: { description: 'Screening of every party and item.', certificateRef: 'ICP-2026-21' },
      pastLicenseUse: {
        summary: 'Twenty licensed exports since 2023.',
        licenseRefs: ['L-app-2024-0007', 'L-app-2025-0012'],
      },
    });

    const officerPage = await under.newPage('en');
    await under.signIn(officerPage, officerUser, `/applications/${APPLICATION}`);
    await officerPage.getByRole('heading', { level: 1, name: `Application ${APPLICATION}` }).waitFor();
    const facts = officerPage.getByRole('region', { name: 'The application' });
    await facts.getByText('General license', { exact: true }).waitFor();
    // Every end user, the primary first, not the primary alone.
    await facts
      .getByText('Stuttgart Motors GmbH (DE); Munich Drives AG (DE); Lyon Moteurs SA (FR)', { exact: true })
      .waitFor();
    await under.screenshot(officerPage, 'general-license-officer');
    expect(await under.accessibilityViolations(officerPage)).toEqual([]);
  });
});
