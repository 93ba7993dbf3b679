import { expect, test } from '@playwright/test';
import { demo, DIRECTORY_COUNT, login, screenshot, signedInName, waitForServiceWorker } from './helpers';

test('a nurse declares herself available offline; once back online the coordinator sees it', async ({ page, browser }, testInfo) => {
  await login(page, 'infirmiere');
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  const name = await signedInName(page);
  await waitForServiceWorker(page);

  await page.getByRole('link', { name: 'Ma disponibilité' }).click();
  await expect(page.getByTestId('availability-state')).toBeVisible();
  const before = await page.getByTestId('availability-state').innerText();
  await page.context().setOffline(true);
  await page.getByTestId('available-2h').click();
  await expect(page.getByTestId('availability-state')).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('availability-state')).toContainText('Vous êtes disponible jusqu’à');
  // The demo nurse may have been available already: the end she just set is what the coordinator must see.
  await expect(page.getByTestId('availability-state')).not.toHaveText(before);
  const until = (await page.getByTestId('availability-state').innerText()).match(/\d{1,2}[:h]\d{2}/)![0];
  await expect(page.getByTestId('sync-pending')).toContainText('1 modification en attente');
  await expect(page.getByTestId('sync-indicator')).toContainText('Hors ligne');

  // An on-call night, offline too.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  // The demo directory may already have her on call some day: one more.
  const onCalls = await page.getByTestId('on-call').count();
  await page.getByTestId('on-call-date').fill(tomorrow);
  await page.getByTestId('on-call-add').click();
  await expect(page.getByTestId('on-call')).toHaveCount(onCalls + 1);
  await screenshot(page, testInfo, 'disponibilite-hors-ligne');

  await page.context().setOffline(false);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('sync-indicator')).toContainText('En ligne');

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await login(coordinator, 'coordination');
  await coordinator.getByTestId('directory-available').check();
  await coordinator.getByTestId('directory-search').fill(name);
  const card = coordinator.getByTestId('member-card').filter({ hasText: name });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('member-availability')).toContainText(`Disponible jusqu’à ${until}`);
  await screenshot(coordinator, testInfo, 'fiche-disponible');
  await coordinatorContext.close();
});

test('a member edits their profile offline; it reaches the server when the network returns', async ({ page, playwright }, testInfo) => {
  await login(page, 'pharmacien');
  await expect(page.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  const memberId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
  await page.getByRole('link', { name: 'Mon profil' }).click();
  await expect(page.getByTestId('profile-form')).toBeVisible();

  await page.context().setOffline(true);
  await page.locator('input[name="mobile"]').fill('06 11 22 33 44');
  await page.locator('textarea[name="signature"]').fill('Pharmacie de garde — 06 11 22 33 44');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-message')).toContainText('prochaine synchronisation');
  await expect(page.getByTestId('sync-pending')).toContainText('1 modification en attente');
  await screenshot(page, testInfo, 'profil');

  // A wrong phone number is refused on the device, naming the field.
  await page.locator('input[name="landline"]').fill('pas un numéro');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-message')).toContainText('phones.landline');

  await page.context().setOffline(false);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  await api.post('/api/session', { data: demo('coordination') });
  const stored = (await (await api.post('/api/sync/members/_all_docs', { data: { keys: [memberId], include_docs: true } })).json()).rows[0].doc;
  expect(stored.phones.mobile).toBe('06 11 22 33 44');
  expect(stored.signature).toBe('Pharmacie de garde — 06 11 22 33 44');
  await api.dispose();
});
