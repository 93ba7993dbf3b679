/** Shared steps of the browser tests: demo accounts, logging in, waiting for the service worker. */
import { expect, test, type Page, type Request, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoAccounts } from '../server/demo/accounts';
import { generateDirectory } from '../server/demo/directory';
import { testTerritory } from '../server/testing/territory';

/**
 * For a file whose tests open their own contexts (`browser.newContext`): they are closed after each
 * test, passed or failed, so no signed-in page of one test keeps syncing in the background of the next.
 */
export function closeContextsAfterEach(): void {
  test.afterEach(async ({ browser }) => {
    await Promise.all(browser.contexts().map((context) => context.close()));
  });
}

/** A demo account of the repository's default territory, which the end-to-end server runs. */
export function demo(name: string): { email: string; password: string } {
  const account = demoAccounts(testTerritory().settings.demoEmailDomain).find((a) => a.email.startsWith(name + '@'));
  if (!account) throw new Error(`no demo account ${name}`);
  return { email: account.email, password: account.password };
}

export async function login(page: Page, name: string): Promise<void> {
  const { email, password } = demo(name);
  await page.goto('/connexion');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/annuaire/);
}

/** The signed-in user's name, as the app shows it (the header shows it on a desktop only). */
export async function signedInName(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).name as string);
}

/** Resolves once a service worker controls the page, so offline reloads are served by it. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return Boolean(reg.active) && Boolean(navigator.serviceWorker.controller);
  }, undefined, { timeout: 30_000 });
}

/** Saves a screenshot under test-results/screenshots (kept as a CI artifact) and attaches it to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The demo directory's size (its professionals, structures and the coordination), as the app writes it: « 1 714 ». */
export const DIRECTORY_COUNT = (() => {
  const size = generateDirectory(testTerritory(), 57_000, new Date()).length + 1;
  return new RegExp(String(size).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s?'));
})();

/**
 * Replication requests a page makes itself (the elected leader's), counted from now on, and a log of
 * how each ended, printed when a step fails.
 */
export function countSync(page: Page): { all: string[]; log: string[] } {
  const seen = { all: [] as string[], log: [] as string[] };
  const start = Date.now();
  const sync = (r: Request) => r.url().includes('/api/sync/');
  const name = (r: Request) => `${r.method()} ${new URL(r.url()).pathname}`;
  page.on('request', (r) => {
    if (!sync(r)) return;
    seen.all.push(name(r));
    seen.log.push(`${Date.now() - start} ms sent ${name(r)}${new URL(r.url()).search.slice(0, 120)}`);
  });
  // A page closed meanwhile has no response to give: nothing to log then.
  page.on('requestfinished', (r) => void (sync(r) && r.response().then((res) => seen.log.push(`${Date.now() - start} ms ${res?.status()} ${name(r)}`), () => undefined)));
  page.on('requestfailed', (r) => void (sync(r) && seen.log.push(`${Date.now() - start} ms failed (${r.failure()?.errorText}) ${name(r)}`)));
  return seen;
}

/** Runs `step`; if it fails, the error carries the page's sync log (what the replication did meanwhile). */
export async function withSyncLog(seen: { log: string[] }, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    throw new Error(`${(err as Error).message}\nRequêtes de synchronisation de l’onglet :\n${seen.log.join('\n')}`, { cause: err });
  }
}
