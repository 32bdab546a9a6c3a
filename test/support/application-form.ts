import type { Locator, Page } from 'playwright-core';

// The exporter's new-application form as a person fills it, for the suites
// that drive it (an individual license, a general one).

/** The error Mantine shows under an input (it links it with aria-describedby, as `<id>-error`). */
async function errorUnder(input: Locator): Promise<Locator> {
  const id = await input.getAttribute('id');
  return input.page().locator(`[id="${id}-error"]`);
}

/** Waits until the input shows exactly this error, and checks the input points screen readers to it. */
export async function expectError(input: Locator, message: string | RegExp): Promise<void> {
  const error = await errorUnder(input);
  await error.getByText(message).waitFor();
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await input.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
}

/** A consignee or end user's fieldset, by its legend. */
export function party(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

export async function fillParty(page: Page, legend: string, name: string, country: string): Promise<void> {
  await party(page, legend).getByLabel(/^Name/).fill(name);
  await party(page, legend)
    .getByLabel(/^Country/)
    .fill(country);
}

/** A holmium export to Germany, as in the README's pre-check. */
export async function fillGoodApplication(page: Page): Promise<void> {
  await page.getByLabel(/^Destination country/).fill('DE');
  const item = page.getByRole('group', { name: 'Item line 1' });
  await item.getByLabel(/^Control code/).fill('1C909.a');
  await item.getByLabel(/^Element/).fill('holmium');
  await item.getByLabel(/^Description/).fill('holmium metal');
  await item.getByLabel(/^Quantity/).fill('10');
  await item.getByLabel(/^Value/).fill('9000');
  await fillParty(page, 'Consignee', 'Hamburg Import GmbH', 'DE');
  await fillParty(page, 'End user', 'Stuttgart Motors GmbH', 'DE');
  await page.getByLabel(/^End-use description/).fill('Traction motors for electric vehicles');
  await page.getByLabel(/^Contract reference/).fill('CT-2026-101');
  await page.getByLabel(/^End-user certificate reference/).fill('EUC-2026-101');
  await page.getByLabel(/^End-use certificate reference/).fill('EUSE-2026-101');
}
