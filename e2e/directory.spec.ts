import { expect, test } from '@playwright/test';
import { countSync, DIRECTORY_COUNT, demo, login, screenshot, waitForServiceWorker, withSyncLog } from './helpers';

test('a member logs in and finds colleagues in the directory by name, profession and commune', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await screenshot(page, testInfo, 'connexion');

  await page.getByTestId('login-email').fill(demo('generaliste').email);
  await page.getByTestId('login-password').fill('mauvais mot de passe');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('mot de passe incorrect');

  await login(page, 'generaliste');
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  await expect(page.getByTestId('sync-indicator')).toContainText('En ligne');
  await expect(page.getByTestId('member-card').first()).toBeVisible();

  const search = page.getByTestId('directory-search');
  await search.fill('Hélène Marchal');
  const coordination = page.getByTestId('member-card').filter({ hasText: 'Hélène Marchal' });
  await expect(coordination).toHaveCount(1);
  await expect(coordination.locator('a[href^="tel:"]')).toHaveAttribute('href', 'tel:+33387000000');
  await expect(coordination.locator('a[href^="mailto:"]')).toHaveAttribute('href', 'mailto:coordination@cpts-metz.test');

  await search.fill('infirmier');
  const nurses = page.getByTestId('member-card');
  // Said of each as they are: « Infirmière » for a nurse who gave « Mme », « Infirmier » otherwise.
  await expect(nurses.first()).toContainText(/Infirmi(er|ère)/);
  const nurseCount = Number((await page.getByTestId('directory-count').innerText()).replace(/\D/g, ''));
  expect(nurseCount).toBeGreaterThanOrEqual(404);
  expect(nurseCount).toBeLessThan(500);

  await search.fill('ars-sur-moselle');
  await expect(page.getByTestId('member-card').first()).toContainText('Ars-sur-Moselle');
  const inArs = await page.getByTestId('member-card').allInnerTexts();
  expect(inArs.every((t) => t.includes('Ars-sur-Moselle'))).toBe(true);

  await search.fill('');
  await screenshot(page, testInfo, 'annuaire');
});

test('Chromium reports the app installable, with a complete manifest', async ({ playwright, baseURL }, testInfo) => {
  // A persistent profile: Playwright's default contexts are incognito, where Chromium never offers installation.
  const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  const page = await context.newPage();
  await login(page, 'infirmiere');
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
  expect(installabilityErrors).toEqual([]);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  expect(manifest.errors).toEqual([]);
  const body = await (await page.request.get(manifest.url)).json();
  expect(body).toMatchObject({ display: 'standalone', start_url: '/', lang: 'fr' });
  expect(body.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  await context.close();
});

test('offline, a reload still shows the directory; back online, sync resumes by itself', async ({ page, playwright }, testInfo) => {
  const sync = countSync(page);
  await login(page, 'infirmier');
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  await waitForServiceWorker(page);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  await expect(page.getByTestId('sync-indicator')).toContainText('Hors ligne');
  await page.getByTestId('directory-search').fill('Hélène Marchal');
  await expect(page.getByTestId('member-card')).toHaveCount(1);
  await screenshot(page, testInfo, 'annuaire-hors-ligne');

  // Meanwhile the coordination updates its entry on the server.
  const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/annuaire.*/, '') });
  expect((await api.post('/api/session', { data: demo('coordination') })).status()).toBe(200);
  const current = (await (await api.post('/api/sync/members/_all_docs', { data: { keys: ['m-coordination'], include_docs: true } })).json()).rows[0].doc;
  const write = await api.post('/api/sync/members/_bulk_docs', {
    data: { docs: [{ ...current, specialty: 'Permanence téléphonique renforcée', updatedAt: new Date().toISOString() }] },
  });
  expect((await write.json())[0].ok).toBe(true);

  await page.context().setOffline(false);
  await withSyncLog(sync, () => expect(page.getByTestId('member-card')).toContainText('Permanence téléphonique renforcée', { timeout: 30_000 }));
  await expect(page.getByTestId('sync-indicator')).toContainText('En ligne');
  await api.dispose();
});
