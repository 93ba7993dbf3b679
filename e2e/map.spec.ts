import { expect, test, type Page } from '@playwright/test';
import { distanceKm } from '../src/domain/geo';
import { isAvailableNow, type Availability } from '../src/domain/members/availability';
import type { Member } from '../src/domain/members/schema';
import { login, screenshot, waitForServiceWorker } from './helpers';

// Tests never reach a real tile server: every tile request is refused (or answered locally below).
const TILE_HOST = /^https:\/\/data\.geopf\.fr\//;
const NURSE = '60';
const COMMUNE = 'Ars-sur-Moselle';
const RADIUS_KM = 10;

/** Every directory entry the server holds for this user, read page by page from the sync gateway. */
async function serverMembers(page: Page): Promise<Member[]> {
  const members: Member[] = [];
  let since: string | number = 0;
  for (;;) {
    const res = await page.request.get(`/api/sync/members/_changes?since=${since}&include_docs=true&limit=1000`);
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { results: Array<{ id: string; doc: Omit<Member, 'id'> }>; last_seq: string | number };
    // The gateway may cap a page below `limit` and drops what this user may not read: stop on an empty page.
    if (body.results.length === 0) return members;
    members.push(...body.results.map((r) => ({ ...r.doc, id: r.id }) as Member));
    since = body.last_seq;
  }
}

/** The nurses available now nearest to the commune's centre, as the domain rules define them, computed now. */
async function expectedNearest(page: Page, from: { lat: number; lon: number }): Promise<string[]> {
  const now = Date.now();
  return (await serverMembers(page))
    .filter((m) => m.status !== 'pending' && m.profession === NURSE && isAvailableNow(m.availability as Availability, now))
    .map((m) => ({ id: m.id, d: distanceKm(from, m.location) }))
    .filter((x) => x.d <= RADIUS_KM)
    .sort((a, b) => a.d - b.d)
    .map((x) => x.id);
}

async function openMap(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Carte', exact: true }).click();
  await expect(page).toHaveURL(/\/carte$/);
  await expect(page.locator('path.commune')).toHaveCount(66);
}

test('the map shows the communes, the members clustered, and the available nurses nearest a commune in order', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.context().route(TILE_HOST, (route) => route.abort());
  await login(page, 'infirmiere');
  await openMap(page);

  // The outer limit of the territory, and every member either in a cluster or on its own marker.
  await expect(page.locator('path.territory-limit')).toHaveCount(1);
  await expect(page.locator('.cluster').first()).toBeVisible();
  await expect.poll(async () => {
    const shown = Number((await page.getByTestId('map-count').innerText()).replace(/\D/g, ''));
    const clustered = (await page.locator('.cluster__count').allInnerTexts()).reduce((sum, t) => sum + Number(t), 0);
    return shown > 1000 && clustered + (await page.locator('.marker').count()) === shown;
  }, { timeout: 30_000 }).toBe(true);
  await screenshot(page, testInfo, 'carte');
  // Leaflet's controls speak French.
  await expect(page.locator('.leaflet-control-zoom-in')).toHaveAttribute('title', 'Zoomer');
  await expect(page.locator('.leaflet-control-zoom-out')).toHaveAttribute('title', 'Dézoomer');
  await expect(page.locator('.leaflet-control-attribution a').first()).toHaveAttribute('title', 'Bibliothèque de cartes interactives');

  // Hovering a commune names it.
  await page.locator('path.commune').nth(10).hover({ force: true });
  await expect(page.locator('.commune-name')).toHaveCount(1);

  // Near the patient: nurses available now within 10 km of Ars-sur-Moselle, nearest first.
  await page.getByTestId('filter-profession').selectOption(NURSE);
  await page.getByTestId('picker-commune').selectOption({ label: COMMUNE });
  await expect(page.getByTestId('picker-value')).toContainText(COMMUNE);
  const communes = (await (await page.request.get('/territory/communes.json')).json()) as { communes: Array<{ name: string; centroid: [number, number] }> };
  const [lon, lat] = communes.communes.find((c) => c.name === COMMUNE)!.centroid;
  // Availability changes (other tests, time passing): the expectation is recomputed until both agree.
  await expect.poll(async () => {
    const expected = (await expectedNearest(page, { lat, lon })).slice(0, 50);
    const shown = await page.getByTestId('nearby-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-member-id')));
    return expected.length > 3 && JSON.stringify(shown) === JSON.stringify(expected);
  }, { timeout: 30_000 }).toBe(true);
  const distances = (await page.getByTestId('nearby-distance').allInnerTexts()).map((t) => Number(t.replace(/[^\d,]/g, '').replace(',', '.')));
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(distances.at(-1)).toBeLessThanOrEqual(RADIUS_KM);

  // List and map in step: choosing the first nurse opens her card and rings her on the map.
  const first = page.getByTestId('nearby-item').first();
  const id = await first.getAttribute('data-member-id');
  await first.getByRole('button').click();
  await expect(page.getByTestId('map-selected').getByTestId('member-card')).toBeVisible();
  await expect(page.getByTestId('map-selected').locator('a[href^="tel:"]').first()).toBeVisible();
  await expect(page.locator('path.map-highlight')).toHaveCount(1);
  await expect(page.locator(`.marker[data-member-id="${id}"]`)).toHaveClass(/is-highlighted/);
  // And back: hovering a marker highlights its line in the list.
  await page.locator(`.marker[data-member-id="${id}"]`).hover();
  await expect(first).toHaveClass(/is-highlighted/);
  await screenshot(page, testInfo, 'carte-liste');

  // Keyboard: a marker takes the focus and opens its card with Enter.
  const marker = page.locator('.marker').last();
  const name = (await marker.getAttribute('title'))!.split(' — ')[0];
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('map-selected').locator('.card__name')).toHaveText(name);
  expect(pageErrors).toEqual([]);
});

test('offline, after a reload, the map still draws the communes and members and answers « près du patient »', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  const tileErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && TILE_HOST.test(m.location().url) && tileErrors.push(m.text()));
  await page.context().route(TILE_HOST, (route) => route.abort());
  await login(page, 'infirmier');
  await waitForServiceWorker(page);
  await openMap(page);
  await expect(page.locator('.cluster').first()).toBeVisible();

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.locator('path.commune')).toHaveCount(66);
  await expect(page.locator('.cluster').first()).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toContainText('Hors ligne');
  await page.getByTestId('picker-commune').selectOption({ label: 'Metz' });
  await expect(page.getByTestId('nearby-item').first()).toBeVisible();
  // The address search needs the network: it says so instead of failing.
  await page.getByTestId('picker-address').fill('12 rue Serpenoise');
  await page.getByTestId('picker-search').click();
  await expect(page.getByTestId('picker-message')).toContainText('hors ligne', { ignoreCase: true });
  await screenshot(page, testInfo, 'carte-hors-ligne');
  await page.context().setOffline(false);
  expect(pageErrors).toEqual([]);
  expect(tileErrors).toEqual([]);
});

test('the device position and « préparer la carte hors ligne » (tiles served locally, then cancelled)', async ({ page }) => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  await page.context().route(TILE_HOST, (route) =>
    route.fulfill({ status: 200, body: png, headers: { 'content-type': 'image/png', 'access-control-allow-origin': '*' } }),
  );
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 49.1202, longitude: 6.1757 });
  await login(page, 'pharmacien');
  await waitForServiceWorker(page);
  await openMap(page);

  await page.getByTestId('picker-device').click();
  await expect(page.getByTestId('picker-value')).toContainText('Ma position');
  await expect(page.locator('.patient-marker')).toHaveCount(1);

  await page.getByTestId('offline-tiles-start').click();
  const progress = page.getByTestId('offline-tiles-progress');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(20);
  const total = Number(await progress.getAttribute('max'));
  expect(total).toBeGreaterThan(1800);
  expect(total).toBeLessThan(2300);
  await page.getByTestId('offline-tiles-cancel').click();
  await expect(page.getByTestId('offline-tiles-status')).toContainText('annulé');
  // What arrived is in the service worker's tile cache.
  const cached = await page.evaluate(async () => (await (await caches.open('map-tiles')).keys()).length);
  expect(cached).toBeGreaterThan(20);
});
