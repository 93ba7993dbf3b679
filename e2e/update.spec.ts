import { expect, test } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_STATIC_DIR } from './env';
import { DIRECTORY_COUNT, login, screenshot, waitForServiceWorker } from './helpers';

test('when a new version is deployed, the app offers to reload, and reloading installs it', async ({ page }, testInfo) => {
  await login(page, 'pharmacien');
  await waitForServiceWorker(page);
  await expect(page.getByTestId('update-banner')).toHaveCount(0);

  // "Deploy": the service worker script changes on the server, as after a new build.
  appendFileSync(path.join(E2E_STATIC_DIR, 'sw.js'), `\n// deployed ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText('nouvelle version');
  await screenshot(page, testInfo, 'mise-a-jour');

  const reloaded = page.waitForEvent('framenavigated', { timeout: 30_000 });
  await banner.getByRole('button', { name: 'Recharger' }).click();
  await reloaded;
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
});
