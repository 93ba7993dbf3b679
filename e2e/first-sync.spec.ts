/**
 * A fresh phone's first sync says what is left while it runs, and what has arrived can be read
 * already: the directory's second page is held back by the gate in front of the server, as a slow
 * network would, so the test sees the sync half-way.
 */
import { expect, test } from '@playwright/test';
import { PULL_BATCH } from '../src/domain/sync/api';
import { startApiGate, type ApiGate } from './api-gate';
import { E2E_PORT } from './env';
import { closeContextsAfterEach, DIRECTORY_COUNT, login, screenshot } from './helpers';

let gate: ApiGate;

test.beforeAll(async () => {
  gate = await startApiGate(`http://localhost:${E2E_PORT}`);
});
test.afterAll(async () => gate.stop());
closeContextsAfterEach();

test('the first sync shows what is left of the directory, the first page already listed, then goes away', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: gate.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // The directory's pages after the first (a first sync in id order goes on from an `i:` cursor).
  gate.hold((url) => url.startsWith('/api/sync/members/_changes') && url.includes('since=i:'));
  await login(page, 'infirmiere');

  const progress = page.getByTestId('first-sync-progress');
  await expect(progress).toBeVisible();
  const bar = progress.locator('progress');
  // The banner may show before the whole first page is stored: wait for it, then read the figures.
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(PULL_BATCH);
  const received = Number(await bar.getAttribute('value'));
  const left = Number((await page.getByTestId('first-sync-left').textContent())?.match(/encore ([\d\s\u202f]+) fiches de l’annuaire/)?.[1].replace(/\D/g, ''));
  expect(left).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('max'))).toBeGreaterThanOrEqual(received + left);
  // The first page is on screen while the rest waits.
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  expect(gate.held()).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'premiere-synchronisation');

  gate.release();
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT, { timeout: 60_000 });
  await expect(progress).toBeHidden();
});
