/**
 * A device's error reaches the coordination: a member's app fails in a way nothing catches, its
 * logger sends the report, scrubbed, and the coordinators' « Technique » page lists it.
 */
import { expect, test } from '@playwright/test';
import { closeContextsAfterEach, login, screenshot } from './helpers';

closeContextsAfterEach();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' };

test('an error on a member’s device shows on the coordinators’ technical page, without the personal data it carried', async ({ browser }, testInfo) => {
  const nurse = await (await browser.newContext(PHONE)).newPage();
  await login(nurse, 'infirmiere');
  const sent = nurse.waitForResponse((r) => r.url().endsWith('/api/client-log') && r.request().method() === 'POST');
  // A failure nothing catches, whose message names a patient's e-mail and phone.
  await nurse.evaluate(() => {
    void Promise.reject(new TypeError('échec de lecture pour jeanne.dupont@example.fr au 06 12 34 56 78'));
  });
  expect((await sent).status()).toBe(204);

  const coordinator = await (await browser.newContext(PHONE)).newPage();
  await login(coordinator, 'coordination');
  await coordinator.goto('/coordination/technique');
  // Nothing the server could not apply: the section says so.
  await expect(coordinator.getByRole('heading', { name: 'Changements mis de côté' })).toBeVisible();
  await expect(coordinator.getByTestId('dead-letters-empty')).toHaveText('Aucun changement mis de côté : tout a été appliqué.');
  const report = coordinator.getByTestId('client-error').filter({ hasText: 'échec de lecture' });
  await expect(report).toHaveAttribute('data-event', 'app.unhandled-rejection');
  await expect(report).toContainText('TypeError');
  await expect(report).not.toContainText('jeanne.dupont');
  await expect(report).not.toContainText('12 34 56 78');
  // The page fits the phone's width.
  expect(await coordinator.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(coordinator, testInfo, 'technique-coordination');

  // A member who is not a coordinator is told the page is not for them.
  await nurse.goto('/coordination/technique');
  await expect(nurse.getByTestId('client-error')).toHaveCount(0);
  await expect(nurse.getByText(/réservée/)).toBeVisible();
});
