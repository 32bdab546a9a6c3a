import type { Page } from 'playwright-core';
import type { ConsoleUnderTest, SignIn } from '../support/console-browser';
import type { BenchPage } from './console-pages';

/** Loads of each page: the first cold (a new browser profile: nothing cached), the others warm. */
export const LOADS = 5;
/** A page not rendered by then is reported as such, and the bench goes on. */
const READY_TIMEOUT_MS = 20_000;
const SESSION_KEY = 'console.session';

export interface PageTiming {
  readonly page: BenchPage;
  /** Navigation start to ready, per load, in ms; the first is the cold load. */
  readonly loadsMs: readonly number[];
  /** Table rows in <main> when it was ready (its last load): the data it showed, or its empty-state row. */
  readonly rows: number | null;
  /** Why the page never became ready (the alert it showed, or the timeout). */
  readonly failure: string | null;
}

/** The few browser globals the in-page functions read: test/ compiles without the DOM library. */
interface InPage {
  readonly document: {
    querySelector(css: string): InPageElement | null;
  };
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly location: { readonly pathname: string };
}
interface InPageElement {
  querySelector(css: string): InPageElement | null;
  querySelectorAll(css: string): Iterable<InPageElement> & { readonly length: number };
  closest(css: string): InPageElement | null;
}

/**
 * Evaluated in the page on every animation frame: ready once <main> has its
 * h1 and `content`, and no loader outside a table cell is showing (a cell's
 * loader is per-row extra work, e.g. an event's integrity check). Answers
 * performance.now() (milliseconds since this document's navigation started)
 * and the table rows it shows.
 */
function readyInPage(content: string): { ms: number; rows: number } | false {
  const { document } = globalThis as unknown as InPage;
  const main = document.querySelector('main');
  if (!main?.querySelector('h1')) return false;
  const loading = [...main.querySelectorAll('.mantine-Loader-root')].some((loader) => !loader.closest('td'));
  if (loading || !main.querySelector(content)) return false;
  return { ms: performance.now(), rows: main.querySelectorAll('tbody tr').length };
}

/** The signed-in session of `who`, as the console keeps it (sessionStorage), after a real sign-in. */
export async function sessionOf(under: ConsoleUnderTest, who: SignIn): Promise<string> {
  const page = await under.newPage('en');
  try {
    await under.signIn(page, who);
    const session = await page.evaluate(
      (key) => (globalThis as unknown as InPage).sessionStorage.getItem(key),
      SESSION_KEY,
    );
    if (session === null) throw new Error(`Signed in as ${who.role}, but the console kept no session.`);
    return session;
  } finally {
    await page.context().close();
  }
}

/**
 * Opens `page` LOADS times in a new browser profile that carries `session`
 * (as if the user had signed in in this tab), timing each full navigation
 * from its start to the page being ready.
 */
export async function timePage(under: ConsoleUnderTest, benchPage: BenchPage, session: string): Promise<PageTiming> {
  const page = await under.newPage('en');
  await page.context().addInitScript(
    ([key, value]) => {
      const { location, sessionStorage } = globalThis as unknown as InPage;
      if (location.pathname.startsWith('/console')) sessionStorage.setItem(key, value);
    },
    [SESSION_KEY, session] as const,
  );
  const loadsMs: number[] = [];
  let rows: number | null = null;
  try {
    for (let load = 0; load < LOADS; load++) {
      const ready = await timeOneLoad(page, `${under.baseUrl}/console${benchPage.path}`, benchPage.content);
      loadsMs.push(ready.ms);
      rows = ready.rows;
    }
    return { page: benchPage, loadsMs, rows, failure: null };
  } catch (error) {
    return { page: benchPage, loadsMs, rows, failure: await failureOf(page, error) };
  } finally {
    await page.context().close();
  }
}

async function timeOneLoad(page: Page, url: string, content: string): Promise<{ ms: number; rows: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.waitForFunction(readyInPage, content, { polling: 'raf', timeout: READY_TIMEOUT_MS });
  return (await ready.jsonValue()) as { ms: number; rows: number };
}

/** What the page said instead of rendering: its alert, else what went wrong. */
async function failureOf(page: Page, error: unknown): Promise<string> {
  const alert = await page
    .locator('main [role="alert"]')
    .first()
    .innerText({ timeout: 1_000 })
    .catch(() => null);
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return alert ? `alert: ${alert.replace(/\s+/g, ' ').trim()}` : (reason ?? 'unknown');
}
