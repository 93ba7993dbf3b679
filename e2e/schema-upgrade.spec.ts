/**
 * A device that installed the previous release, with a request and a message on it (its
 * cancellation) written while the server was out of reach, gets the new release: its local data
 * migrate to the new schema versions (requests 1 → 2) and the pending writes reach the server intact
 * once the network returns.
 */
import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { patientIdOf } from '../src/domain/requests/patient-schema';
import { startApiGate, type ApiGate } from './api-gate';
import { E2E_DIR, E2E_PORT, E2E_STATIC_DIR } from './env';
import { DIRECTORY_COUNT, login, screenshot, waitForServiceWorker } from './helpers';
import { buildPreviousApp } from './previous-app';
import { COMMUNE } from './request-steps';

/** Puts `from`'s files in the served folder, as a deployment does. */
function deploy(from: string): void {
  for (const entry of readdirSync(E2E_STATIC_DIR)) rmSync(path.join(E2E_STATIC_DIR, entry), { recursive: true, force: true });
  cpSync(from, E2E_STATIC_DIR, { recursive: true });
}

let current: string;
let gate: ApiGate;

test.beforeAll(async () => {
  current = path.join(mkdtempSync(path.join(E2E_DIR, 'current-')), 'app');
  cpSync(E2E_STATIC_DIR, current, { recursive: true });
  gate = await startApiGate(`http://localhost:${E2E_PORT}`);
});
test.afterAll(async () => {
  deploy(current);
  await gate.stop();
});

test('a request written offline on the previous release survives the upgrade: data migrated, the request sent intact', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  deploy(buildPreviousApp(path.join(E2E_DIR, 'previous-app')));

  // The app opened through the gate, whose API the test cuts while files are still served.
  const context = await browser.newContext({ baseURL: gate.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, 'generaliste');
  await waitForServiceWorker(page);
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT, { timeout: 60_000 });
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => /--(members|requests|messages)$/.test(n)).sort());
  await expect.poll(databases, { timeout: 30_000 }).toEqual(['rxdb-dexie-cpts--1--members', 'rxdb-dexie-cpts--1--requests', 'rxdb-dexie-cpts-cases--1--messages']);

  // The server out of reach for the app (the page and its service worker can still load files).
  gate.close();
  await page.getByTestId('nav-requests').click();
  await page.getByTestId('request-new').click();
  await page.getByTestId('request-type-passage-infirmier').click();
  await page.getByTestId('picker-commune').selectOption(COMMUNE.insee);
  const question = 'Retour à domicile après une pose de PICC line : pansement et rinçage ce soir.';
  await page.getByTestId('request-question').fill(question);
  await page.getByTestId('patient-lastName').fill('Lambert');
  await page.getByTestId('patient-firstName').fill('Odile');
  await page.getByTestId('patient-birthDate').fill('1939-11-02');
  await page.getByTestId('patient-sex-F').check();
  await page.getByTestId('patient-consent').check();
  await page.getByTestId('request-submit').click();
  await expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/);
  const requestId = page.url().split('/').pop()!;
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  // A message on it, offline too: the request cancelled.
  await page.getByTestId('action-cancel').click();
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('action-result')).toBeVisible();

  // The new release is deployed; the device takes it from the update banner.
  deploy(current);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  const reloaded = page.waitForEvent('framenavigated', { timeout: 30_000 });
  await banner.getByRole('button', { name: 'Recharger' }).click();
  await reloaded;

  // The new release runs on the device's data, the request and its cancellation still pending here:
  // the cards migrated offline, the request pending among them, into their version-2 storage (the
  // emptied version-1 files stay until logout drops them). The case data stay locked (no PIN here)
  // until the network brings the device key back.
  await expect(page.getByTestId('request-card')).toContainText(question, { timeout: 30_000 });
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  await expect.poll(databases, { timeout: 30_000 }).toEqual(expect.arrayContaining(['rxdb-dexie-cpts--2--requests']));
  await screenshot(page, testInfo, 'mise-a-jour-schema');
  // The app did try to reach the server, and could not.
  expect(gate.refused()).toBeGreaterThan(0);

  gate.open();
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 60_000 });
  const card = (await (await page.request.post('/api/sync/requests/_all_docs', { data: { keys: [requestId], include_docs: true } })).json()).rows[0].doc;
  expect(card).toMatchObject({ _id: requestId, type: 'passage-infirmier', question, place: { communeInsee: COMMUNE.insee } });
  // The cancellation written on the previous release reached the server after the migration, and applied.
  await expect.poll(async () => (await (await page.request.post('/api/sync/requests/_all_docs', { data: { keys: [requestId], include_docs: true } })).json()).rows[0].doc.status, { timeout: 30_000 }).toBe('cancelled');
  const block = (await (await page.request.post('/api/sync/patients/_all_docs', { data: { keys: [patientIdOf(requestId)], include_docs: true } })).json()).rows[0].doc;
  expect(block.identity).toMatchObject({ lastName: 'Lambert', firstName: 'Odile', birthDate: '1939-11-02' });
  expect(errors).toEqual([]);
  await context.close();
});
