import { expect, test, type APIRequest, type APIRequestContext, type Page } from '@playwright/test';
import { DIRECTORY_COUNT, demo, login, screenshot } from './helpers';

/** A coordinator's API session, to change an entry on the server while the device is offline. */
async function coordinatorApi(request: APIRequest, page: Page): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await api.post('/api/session', { data: demo('coordination') })).ok()).toBe(true);
  return api;
}

async function storedEntry(api: APIRequestContext, id: string) {
  return (await (await api.post('/api/sync/members/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows[0].doc;
}

test('an availability changed offline and later by the coordination: the losing edit is shown, and can be re-applied', async ({ page, playwright }, testInfo) => {
  await login(page, 'infirmiere');
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  const memberId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
  await page.getByRole('link', { name: 'Ma disponibilité' }).click();
  await expect(page.getByTestId('availability-state')).toBeVisible();
  // An earlier test may have left her available: start from « not available », so that the state
  // read below is the offline edit's, not the one before it.
  if ((await page.getByTestId('availability-state').getAttribute('data-state')) === 'available') {
    await page.getByTestId('available-stop').click();
    await expect(page.getByTestId('availability-state')).not.toHaveAttribute('data-state', 'available');
    await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  }

  await page.context().setOffline(true);
  await page.getByTestId('available-2h').click();
  await expect(page.getByTestId('availability-state')).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('sync-pending')).toContainText('1 modification en attente');
  const mine = await page.getByTestId('availability-state').innerText();

  // Meanwhile, on the platform: the coordination sets her available until later, on the same entry.
  const api = await coordinatorApi(playwright.request, page);
  const entry = await storedEntry(api, memberId);
  const theirs = new Date(Date.now() + 5 * 3_600_000).toISOString();
  const written = await api.post('/api/sync/members/_bulk_docs', {
    data: { docs: [{ ...entry, availability: { ...entry.availability, availableUntil: theirs }, updatedAt: new Date(Date.now() + 1000).toISOString() }] },
  });
  expect((await written.json())[0].ok).toBe(true);

  await page.context().setOffline(false);
  const notice = page.getByTestId('lost-edits');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('Votre modification de la fiche');
  await expect(notice).toContainText('n’a pas été retenue');
  const field = notice.getByTestId('lost-edit-field');
  await expect(field).toHaveCount(1);
  await expect(field).toHaveAttribute('data-path', 'availability.availableUntil');
  await expect(field).toContainText('Disponible jusqu’à');
  // The page shows the version kept, the notice both.
  await expect(page.getByTestId('availability-state')).not.toHaveText(mine);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  await screenshot(page, testInfo, 'modification-non-retenue');

  // A reload keeps it: the record is on the device, not in memory.
  await page.reload();
  await expect(page.getByTestId('lost-edit')).toHaveCount(1);

  await page.getByTestId('lost-edit-reapply').click();
  await expect(page.getByTestId('lost-edits')).toHaveCount(0);
  await expect(page.getByTestId('availability-state')).toHaveText(mine);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await storedEntry(api, memberId)).availability.availableUntil, { timeout: 15_000 }).not.toBe(theirs);
  const reapplied = await storedEntry(api, memberId);
  expect(Date.parse(reapplied.availability.availableUntil)).toBeLessThan(Date.parse(theirs));
  await api.dispose();
});
