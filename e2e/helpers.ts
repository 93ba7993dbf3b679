/** Shared steps of the browser tests: demo accounts, logging in, waiting for the service worker. */
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoAccounts } from '../server/demo/accounts';
import { generateDirectory } from '../server/demo/directory';
import { testTerritory } from '../server/testing/territory';

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
