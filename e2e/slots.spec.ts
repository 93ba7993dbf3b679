/**
 * A doctor offers unscheduled-care slots from « Mon profil »; the SAS platform reads them as FHIR
 * with its key; members who are not doctors are not offered the section.
 */
import { expect, test } from '@playwright/test';
import { E2E_SAS_API_KEY } from './env';
import { login, screenshot } from './helpers';

test('a GP offers an unscheduled-care slot the SAS then reads as FHIR; an overlapping one is refused in French', async ({ page, request }, testInfo) => {
  await login(page, 'generaliste');
  await page.goto('/profil');
  const section = page.getByTestId('slots');
  await expect(section).toBeVisible();
  // A day far enough for any run: the form proposes the next hour; a test run on another date uses tomorrow.
  const tomorrow = new Date(Date.now() + 24 * 3_600_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  await page.getByTestId('slot-date').fill(tomorrow);
  await page.getByTestId('slot-time').fill('14:30');
  await page.getByTestId('slot-minutes').selectOption('30');
  await page.getByTestId('slot-offer').click();
  await expect(page.getByTestId('slot-message')).toHaveText('Créneau proposé au SAS.');
  await expect(page.getByTestId('slot')).toHaveCount(1);
  await expect(page.getByTestId('slot').first()).toContainText('14 h 30 – 15 h 00 · libre');

  await page.getByTestId('slot-time').fill('14:45');
  await page.getByTestId('slot-offer').click();
  await expect(page.getByTestId('slot-message')).toHaveText('Ce créneau chevauche un créneau que vous proposez déjà.');
  await expect(page.getByTestId('slot')).toHaveCount(1);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'soins-non-programmes');

  const start = `ge${tomorrow}`;
  const fhir = await request.get(`/api/fhir/Slot?status=free&start=${start}&_include=Slot:schedule`, { headers: { authorization: `Bearer ${E2E_SAS_API_KEY}` } });
  expect(fhir.status()).toBe(200);
  const bundle = await fhir.json();
  const slots = bundle.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Slot');
  expect(slots.map((e: { resource: { start: string; end: string } }) => [new Date(e.resource.start).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' }), e.resource.end.length])).toContainEqual(['14:30:00', 24]);
  expect(bundle.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Schedule')).toBe(true);
  expect((await request.get('/api/fhir/Slot')).status()).toBe(401);

  await page.getByTestId('slot-withdraw').click();
  await expect(page.getByTestId('slot-message')).toHaveText('Créneau retiré.');
  await expect(page.getByTestId('slot')).toHaveCount(0);
});

test('a nurse is not offered unscheduled-care slots', async ({ page }) => {
  await login(page, 'infirmiere');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/slots') && r.status() === 200);
  await page.goto('/profil');
  expect(await (await answered).json()).toEqual({ mayOffer: false, slots: [] });
  await expect(page.getByTestId('mssante-form')).toBeVisible();
  await expect(page.getByTestId('slots')).toHaveCount(0);
});
