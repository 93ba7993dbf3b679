/** Drafts (saved before the patient is asked, completed later), the map pick in the form, and a Web Push alert shown by the service worker. */
import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './helpers';
import { notificationsOf, screenshot, settled, signIn } from './request-steps';

test('a draft is saved before the patient is asked, completed and sent later; a Web Push alert shows a notification', async ({ browser, baseURL }, testInfo) => {
  const gp = await signIn(browser, 'generaliste', { permissions: ['notifications'] });
  const { page } = gp;
  await waitForServiceWorker(page);
  await page.goto('/demandes/nouvelle');
  await page.getByTestId('request-type-medicament-rupture').click();
  await expect(page.getByTestId('request-target')).toHaveValue('21,pharmacie');
  await page.getByTestId('request-urgency-date').check();
  await page.getByTestId('request-date').fill('2020-01-01T10:00');
  // The patient's place, tapped on the map (loaded on demand; no tile server in tests).
  await page.context().route(/^https:\/\/data\.geopf\.fr\//, (route) => route.abort());
  await page.getByTestId('picker-map').click();
  await expect(page.locator('.pick-map path.commune')).toHaveCount(66);
  await page.locator('.pick-map .map-canvas').click();
  await expect(page.getByTestId('picker-value')).toContainText('Point choisi sur la carte');
  await page.getByTestId('request-question').fill('Amoxicilline 1 g introuvable dans le quartier : qui en a ?');
  await page.getByTestId('request-save-draft').click();
  // A chosen date must be to come.
  await expect(page.getByTestId('request-urgency-error')).toContainText('à venir');
  await page.getByTestId('request-urgency-48h').check();
  await page.getByTestId('request-save-draft').click();

  await expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/);
  const requestId = page.url().split('/').pop()!;
  await expect(page.getByTestId('request-status')).toHaveText('Brouillon');
  await page.getByTestId('draft-send').click();
  await expect(page.getByTestId('draft-actions')).toContainText('Complétez d’abord le bloc patient');
  await page.getByRole('button', { name: 'Modifier le brouillon' }).click();
  await expect(page.getByTestId('request-question')).toHaveValue(/Amoxicilline/);
  await page.getByTestId('patient-lastName').fill('Martin');
  await page.getByTestId('patient-firstName').fill('Paul');
  await page.getByTestId('patient-birthDate').fill('1958-02-03');
  await page.getByTestId('patient-sex-M').check();
  await page.getByTestId('patient-consent').check();
  await page.getByTestId('request-submit').click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${requestId}$`));
  await expect(page.getByTestId('request-status')).not.toHaveText('Brouillon', { timeout: 30_000 });
  await settled(page);

  // A push delivered to this browser's service worker (as a push service would) shows the alert.
  const cdp = await page.context().newCDPSession(page);
  const registrations = new Promise<Array<{ registrationId: string; scopeURL: string }>>((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => resolve(e.registrations)));
  await cdp.send('ServiceWorker.enable');
  const registrationId = (await registrations).find((r) => r.scopeURL.startsWith(baseURL!))!.registrationId;
  const payload = { kind: 'message', requestId, title: 'Nouveau message sur votre demande', body: 'Metz — sous 48 h', url: `/demandes/${requestId}` };
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(baseURL!).origin, registrationId, data: JSON.stringify(payload) });
  await expect.poll(() => notificationsOf(page, requestId)).toEqual([{ title: payload.title, body: payload.body, url: payload.url, actions: [] }]);
  // An alert for a new request offers « Accepter » on the notification itself (it replaces the other: one per request).
  const alert = { ...payload, kind: 'new-request', title: 'Nouvelle demande : avis spécialisé' };
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(baseURL!).origin, registrationId, data: JSON.stringify(alert) });
  await expect.poll(() => notificationsOf(page, requestId)).toEqual([{ title: alert.title, body: alert.body, url: alert.url, actions: ['Accepter'] }]);
  await screenshot(page, testInfo, 'demande-brouillon-envoyee');
  await page.context().close();
});
