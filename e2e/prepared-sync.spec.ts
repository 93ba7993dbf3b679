import { expect, test } from '@playwright/test';
import { DIRECTORY_COUNT, demo } from './helpers';

/** Names of the IndexedDB databases of the page's origin. */
const databases = (page: import('@playwright/test').Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));

test('the sync is set up while the password is typed, and sends nothing before the server accepts it', async ({ page }) => {
  const sync: string[] = [];
  page.on('request', (r) => void (r.url().includes('/api/sync/') && sync.push(new URL(r.url()).pathname)));
  const { email, password } = demo('infirmiere');
  await page.goto('/connexion');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('pas-le-bon');
  // The replication's own bookkeeping is opened on the device (one database per collection) ...
  await expect.poll(async () => (await databases(page)).filter((n) => n.includes('rx-replication-meta')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('incorrect');
  // ... but without a session, not one request has left, even after a refused password.
  await page.waitForTimeout(500);
  expect(sync).toEqual([]);

  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  expect(sync).toContain('/api/sync/members/_changes');
});
