/** When people can be reached: a nurse's weekly hours from her profession's template, and an EHPAD's free places with the time they were declared, seen in the directory. */
import { expect, test } from '@playwright/test';
import { login, screenshot, signedInName } from './helpers';

test('a nurse declares her weekly hours and the alerts she accepts outside them', async ({ page }, testInfo) => {
  await login(page, 'infirmiere');
  await page.getByRole('link', { name: 'Ma disponibilité' }).click();
  const hours = page.getByTestId('weekly-hours');
  await hours.getByTestId('hours-template').click();
  // Rounds morning and evening, Monday to Saturday.
  await expect(hours.getByTestId('hours-day')).toHaveCount(6);
  await expect(hours.getByTestId('hours-day').first()).toContainText('lundi');
  await expect(hours.getByTestId('hours-day').first()).toContainText('07:00–12:00');
  // A Sunday morning round on top.
  await hours.getByTestId('hours-day-select').selectOption({ label: 'dimanche' });
  await hours.getByTestId('hours-start').fill('09:00');
  await hours.getByTestId('hours-end').fill('11:00');
  await hours.getByTestId('hours-add').click();
  await expect(hours.getByTestId('hours-day')).toHaveCount(7);
  await hours.getByTestId('outside-push').check();
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(hours.getByTestId('outside-push')).toBeChecked();
  await screenshot(page, testInfo, 'horaires');

  const memberId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
  const stored = (await (await page.request.post('/api/sync/members/_all_docs', { data: { keys: [memberId], include_docs: true } })).json()).rows[0].doc;
  expect(stored.availability.weeklyHours).toHaveLength(13);
  expect(stored.availability.weeklyHours.at(-1)).toEqual({ day: 6, start: '09:00', end: '11:00' });
  expect(stored.availability.outsideHours).toEqual(['push']);
});

test('an EHPAD declares its free places; the directory shows them with the time of the declaration', async ({ page, browser }, testInfo) => {
  await login(page, 'ehpad');
  const name = await signedInName(page);
  await page.getByRole('link', { name: 'Ma disponibilité' }).click();
  const capacity = page.getByTestId('capacity');
  await capacity.getByTestId('capacity-places').fill('2');
  await capacity.getByTestId('capacity-declare').click();
  await expect(capacity.getByTestId('capacity-state')).toHaveText('2 places libres (déclaré il y a moins d’une heure)');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await screenshot(page, testInfo, 'capacite-structure');

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await login(coordinator, 'coordination');
  await coordinator.getByTestId('directory-search').fill(name);
  const card = coordinator.getByTestId('member-card').filter({ hasText: name });
  await expect(card.getByTestId('member-capacity')).toHaveText('2 places libres (déclaré il y a moins d’une heure)');
  await screenshot(coordinator, testInfo, 'annuaire-capacite');
  await coordinatorContext.close();
});
