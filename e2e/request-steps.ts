/** Shared steps of the care-request browser tests: people signed in their own browser, the alert sound counted, full-page screenshots. */
import { expect, type Browser, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { login, signedInName } from './helpers';

/** A small commune, so the two nurses placed at its centre are the nearest available ones. */
export const COMMUNE = { insee: '57139', name: 'Chérisey' };

export interface Person {
  page: Page;
  memberId: string;
  name: string;
}

/** Counts the tones the alert sound plays (WebAudio oscillators), so the test knows it rang. */
export function countTones(): void {
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    (window as unknown as { tones: number }).tones = ((window as unknown as { tones?: number }).tones ?? 0) + 1;
    return create.call(this);
  };
}

export async function signIn(browser: Browser, account: string, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext(options);
  await context.addInitScript(countTones);
  const page = await context.newPage();
  await login(page, account);
  const memberId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
  const name = await signedInName(page);
  return { page, memberId, name };
}

/** Available now through the availability page, then placed at the patient's commune with a wide visit radius through the gateway. */
export async function availableAt(nurse: Person, point: { lat: number; lon: number }): Promise<void> {
  const { page } = nurse;
  await page.getByTestId('nav-availability').click();
  await page.getByTestId('available-8h').click();
  await expect(page.getByTestId('availability-state')).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  const read = await page.request.post('/api/sync/members/_all_docs', { data: { keys: [nurse.memberId], include_docs: true } });
  const doc = (await read.json()).rows[0].doc;
  doc.location = { lat: point.lat, lon: point.lon, approximate: false };
  doc.availability.homeVisitRadiusKm = 20;
  doc.updatedAt = new Date().toISOString();
  const write = await page.request.post('/api/sync/members/_bulk_docs', { data: { docs: [doc] } });
  expect((await write.json())[0]).toMatchObject({ ok: true });
}

/** A 640×480 PNG drawn by the browser itself. */
export async function samplePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#c0392b';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#fff';
    g.fillRect(200, 140, 240, 200);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** The whole page (the helper's screenshots show the viewport only), under test-results/screenshots. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join('test-results', 'screenshots', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  // From the top, so the sticky header is drawn where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

export async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('sync-indicator')).toHaveText('En ligne', { timeout: 30_000 });
}

/** The notifications this page's service worker shows for a request. */
export function notificationsOf(page: Page, tag: string): Promise<Array<{ title: string; body: string; url: string; actions: string[] }>> {
  return page.evaluate(async (t) => {
    const registration = await navigator.serviceWorker.getRegistration();
    // `actions`: the buttons the notification offers (TypeScript's DOM types lack them).
    type WithActions = Notification & { actions?: Array<{ title: string }> };
    return (await registration!.getNotifications({ tag: t })).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url, actions: ((n as WithActions).actions ?? []).map((a) => a.title) }));
  }, tag);
}

export async function openRequest(page: Page, id: string): Promise<void> {
  await page.locator(`[data-request-id="${id}"] a`).first().click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${id}$`));
  await expect(page.getByTestId('request-card')).toBeVisible();
}

/** The image has been loaded (from the outbox, the cache or the server), not merely placed. */
export async function expectImageLoaded(page: Page, uploadId: string): Promise<void> {
  const img = page.locator(`[data-upload-id="${uploadId}"] img`);
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
}

