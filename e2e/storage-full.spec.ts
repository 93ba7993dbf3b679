import { expect, test, type APIRequestContext, type CDPSession, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIRECTORY_COUNT, demo, login, screenshot, waitForServiceWorker } from './helpers';

/**
 * Chromium applies `Storage.overrideQuotaForOrigin` to its default profile only, hence a persistent
 * context here; and IndexedDB trusts the space it last saw free for up to 30 s, so wait until a
 * small write is refused before testing the app.
 */
async function shrinkQuota(page: Page, cdp: CDPSession, origin: string): Promise<void> {
  // Below what is stored (the figure shrinks as the database compacts its files): every write that needs room fails.
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.floor(usage / 2) });
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((ok, ko) => {
            const req = indexedDB.open('quota-probe', 1);
            req.onupgradeneeded = () => req.result.createObjectStore('s');
            req.onsuccess = () => ok(req.result);
            req.onerror = () => ko(req.error);
          });
          const data = crypto.getRandomValues(new Uint8Array(4096));
          try {
            await new Promise((ok, ko) => {
              const tx = db.transaction('s', 'readwrite');
              tx.objectStore('s').put(data, Math.random());
              tx.oncomplete = ok;
              tx.onabort = () => ko(tx.error);
            });
            return 'written';
          } catch (err) {
            return (err as Error).name;
          } finally {
            db.close();
          }
        }),
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe('QuotaExceededError');
}

async function storedEntry(api: APIRequestContext, id: string) {
  return (await (await api.post('/api/sync/members/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows[0].doc;
}

test('storage full on the device: a clear message, nothing stored is damaged, and it works again once space is back', async ({ playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'cpts-quota-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await login(page, 'pharmacien');
    await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
    await waitForServiceWorker(page);
    const memberId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
    const api = await playwright.request.newContext({ baseURL });
    await api.post('/api/session', { data: demo('coordination') });

    // Something saved before the storage fills up: an on-call night, synced.
    await page.getByRole('link', { name: 'Ma disponibilité' }).click();
    await expect(page.getByTestId('availability-state')).toBeVisible();
    const slots = (await page.getByTestId('on-call').count()) + 1;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('on-call-date').fill(tomorrow);
    await page.getByTestId('on-call-add').click();
    await expect(page.getByTestId('on-call')).toHaveCount(slots);
    await expect.poll(async () => (await storedEntry(api, memberId)).availability.onCall.length, { timeout: 30_000 }).toBe(slots);

    const cdp = await context.newCDPSession(page);
    const origin = new URL(baseURL!).origin;
    await shrinkQuota(page, cdp, origin);

    await page.getByTestId('available-2h').click();
    await expect(page.getByTestId('availability-message')).toContainText('Espace de stockage plein sur cet appareil');
    await expect(page.getByTestId('storage-full')).toBeVisible();
    await expect(page.getByTestId('availability-state')).not.toHaveAttribute('data-state', 'available');
    await expect(page.getByTestId('sync-pending')).toHaveCount(0);
    await screenshot(page, testInfo, 'stockage-plein');

    // A reload with the storage still full: what was stored is all there.
    await page.reload();
    await expect(page.getByTestId('on-call')).toHaveCount(slots);
    await page.getByRole('link', { name: 'Annuaire' }).click();
    await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);

    // Space back: the same action works and reaches the server.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('link', { name: 'Ma disponibilité' }).click();
    await page.getByTestId('available-2h').click();
    await expect(page.getByTestId('availability-state')).toHaveAttribute('data-state', 'available');
    await expect(page.getByTestId('storage-full')).toHaveCount(0);
    await expect.poll(async () => (await storedEntry(api, memberId)).availability.availableUntil ?? null, { timeout: 30_000 }).not.toBeNull();
    expect((await storedEntry(api, memberId)).availability.onCall).toHaveLength(slots);
    await api.dispose();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
