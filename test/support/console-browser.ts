import AxeBuilder from '@axe-core/playwright';
import type { ServiceClient } from '@licensing/service-testing';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './built-apps';
import { ServiceProcess } from './service-process';

/** Headless Chromium as root on a machine with no network and no GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Where each page's screenshot goes: a test artifact, kept after the run. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tmp', 'console-screenshots');

/** Debian's chromium (installed by `npm test`, infra/browser/ensure-chromium.mjs), or CHROMIUM_PATH. */
function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: run \`node infra/browser/ensure-chromium.mjs\` (npm test does) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export type ConsoleLanguage = 'en' | 'zh';
export type ConsoleRole = 'exporter' | 'licensing_officer' | 'reviewer' | 'policy_officer' | 'auditor' | 'ops';

/** The role names on the sign-in page, in either language. */
const ROLE_LABELS: Record<ConsoleRole, RegExp> = {
  exporter: /^(Exporter|出口经营者)$/,
  licensing_officer: /^(Licensing officer|许可审批官员)$/,
  reviewer: /^(Reviewer|审查员)$/,
  policy_officer: /^(Policy officer|政策官员)$/,
  auditor: /^(Auditor|审计员)$/,
  ops: /^(Operations|运维)$/,
};

export interface SignIn {
  readonly sub: string;
  readonly role: ConsoleRole;
  readonly exporterIds?: readonly string[];
}

/**
 * The built service as a process (its own data directory, the built console
 * from CONSOLE_DIR or dist/apps/console) and a headless Chromium to drive it.
 * `client` seeds data through the API; pages are driven like a person would.
 */
export class ConsoleUnderTest {
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly service: ServiceProcess,
    readonly client: ServiceClient,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
  ) {}

  /**
   * `existing.dataDir`: run on a data directory the caller prepared (and
   * keeps: close() leaves it), e.g. the console bench's seeded log, with
   * `startTimeoutMs` for a service that first catches up on a large log.
   */
  static async start(
    env: Record<string, string> = {},
    existing: { readonly dataDir?: string; readonly startTimeoutMs?: number } = {},
  ): Promise<ConsoleUnderTest> {
    const dataDir = existing.dataDir ?? mkdtempSync(join(tmpdir(), 'console-e2e-'));
    const service = new ServiceProcess(
      dataDir,
      { CONSOLE_DIR: process.env['CONSOLE_DIR'] ?? join(REPO_ROOT, 'dist/apps/console'), ...env },
      existing.startTimeoutMs,
    );
    // A start that timed out leaves the process running: end it, or it outlives the caller.
    const client = await service.start().catch(async (error: unknown) => {
      await service.stop();
      throw error;
    });
    const under = new ConsoleUnderTest(service, client, dataDir, existing.dataDir === undefined);
    under.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    return under;
  }

  get baseUrl(): string {
    return this.client.url;
  }

  /** A fresh browser profile (no session, no remembered language) reading `language`. */
  async newPage(language: ConsoleLanguage = 'en'): Promise<Page> {
    if (this.browser === null) throw new Error('The browser is closed.');
    const context = await this.browser.newContext({
      locale: language === 'zh' ? 'zh-CN' : 'en-GB',
      viewport: { width: 1280, height: 860 },
    });
    this.contexts.push(context);
    return context.newPage();
  }

  /** Opens `path` under /console; arriving without a session goes through the real sign-in (code + PKCE). */
  async signIn(page: Page, who: SignIn, path = '/'): Promise<void> {
    await page.goto(`${this.baseUrl}/console${path}`);
    await page.waitForURL(/\/console\/sign-in\?/);
    await page.locator('input[name="sub"]').fill(who.sub);
    await page
      .getByRole('textbox', { name: /^(Role|角色)$/ })
      .or(page.getByRole('combobox', { name: /^(Role|角色)$/ }))
      .first()
      .click();
    await page.getByRole('option', { name: ROLE_LABELS[who.role] }).click();
    if (who.role === 'exporter')
      await page.locator('input[name="exporterIds"]').fill((who.exporterIds ?? []).join(', '));
    await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
    // Back from the callback, on the page first asked for, signed in.
    await page.getByTestId('signed-in-as').waitFor();
    await page.waitForURL((url) => !url.pathname.startsWith('/console/callback'));
  }

  /** Saves the page as tmp/console-screenshots/<name>.png. */
  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** axe-core's serious and critical violations on the page as it is now, as readable lines (empty: none). */
  async accessibilityViolations(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
      );
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
    this.browser = null;
    await this.service.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
