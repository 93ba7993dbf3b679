/**
 * The core loop in three browsers: a GP posts a « passage infirmier » request offline with a photo,
 * both nurses nearby are alerted live, the first acceptance wins, the late one (made offline) is told
 * « déjà pris en charge », requester and assignee share the case, the other nurse cannot open its photo.
 */
import { expect, test } from '@playwright/test';
import type { AccessLogAnswer } from '../src/domain/audit/api';
import { demo, waitForServiceWorker } from './helpers';
import { availableAt, COMMUNE, expectImageLoaded, notificationsOf, openRequest, samplePng, screenshot, settled, signIn } from './request-steps';

test('a GP posts a request offline with a photo; the first nurse to accept takes it, the late one is told, the case is shared', async ({ browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  // The GP on a phone; the nurses allowed notifications (the permission a button asks for in real use).
  const gp = await signIn(browser, 'generaliste', { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  const nurse = await signIn(browser, 'infirmiere', { permissions: ['notifications'] });
  // The late nurse on a phone: she decides from the top of the request, without scrolling.
  const late = await signIn(browser, 'infirmier', { permissions: ['notifications'], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const p of [gp, nurse, late]) p.page.on('pageerror', (e) => pageErrors.push(e.message));

  const communes = (await (await gp.page.request.get('/territory/communes.json')).json()).communes as Array<{ insee: string; centroid: [number, number] }>;
  const centre = communes.find((c) => c.insee === COMMUNE.insee)!.centroid;
  await availableAt(nurse, { lat: centre[1], lon: centre[0] });
  await availableAt(late, { lat: centre[1], lon: centre[0] });
  for (const p of [nurse, late]) {
    await p.page.getByTestId('nav-requests').click();
    await expect(p.page.getByTestId('alert-items')).toBeVisible();
  }

  // The GP, offline, fills the form: the type pre-fills the profession and the urgency.
  const { page } = gp;
  await waitForServiceWorker(page);
  const png = await samplePng(page);
  await page.getByTestId('nav-requests').click();
  await page.getByTestId('request-new').click();
  await expect(page.getByTestId('request-form')).toBeVisible();
  await page.context().setOffline(true);
  await page.getByTestId('request-type-passage-infirmier').click();
  await expect(page.getByTestId('request-target')).toHaveValue('60');
  await expect(page.getByTestId('request-urgency-today')).toBeChecked();
  await page.getByTestId('picker-commune').selectOption(COMMUNE.insee);
  await page.getByTestId('request-question').fill('Pansement complexe à J+2 d’une chirurgie de hanche, retour à domicile ce soir.');
  await page.getByTestId('request-files-input').setInputFiles({ name: 'plaie.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('file-thumb')).toHaveCount(1);
  // Compressed on the device: a JPEG, far smaller than the PNG chosen.
  await expect(page.getByTestId('file-thumb')).toContainText('Ko');

  // The consent box is required, with its error beside it.
  await page.getByTestId('patient-lastName').fill('Durand');
  await page.getByTestId('patient-firstName').fill('Jeanne');
  await page.getByTestId('patient-birthDate').fill('1941-05-12');
  await page.getByTestId('patient-sex-F').check();
  await page.getByTestId('patient-phone').fill('06 12 34 56 78');
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('patient-consent-error')).toContainText('consentement');
  await page.getByTestId('patient-consent').check();
  await expect(page.getByTestId('request-form-error')).toHaveCount(0);
  await screenshot(page, testInfo, 'demande-formulaire');
  await page.getByTestId('request-submit').click();

  await expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/);
  const requestId = page.url().split('/').pop()!;
  await expect(page.getByTestId('request-pending')).toContainText('en attente d’envoi');
  await expect(page.getByTestId('attachment-state')).toContainText('en attente d’envoi');
  const photoId = (await page.getByTestId('attachment').first().getAttribute('data-upload-id'))!;
  await expectImageLoaded(page, photoId);

  // Back online: it goes out once, the photo is uploaded, the search starts.
  await page.context().setOffline(false);
  await expect(page.getByTestId('request-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('attachment')).toHaveAttribute('data-uploaded', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('request-status')).toHaveText('En recherche', { timeout: 30_000 });

  // Both nurses are alerted on the page they had open, without reloading: the list, the badge, a
  // sound and a notification that opens the request.
  for (const p of [nurse, late]) {
    await expect(p.page.locator(`[data-testid="alert-item"][data-request-id="${requestId}"]`)).toBeVisible({ timeout: 30_000 });
    await expect(p.page.getByTestId('nav-alerts')).toBeVisible();
    await expect.poll(() => p.page.evaluate(() => (window as unknown as { tones?: number }).tones ?? 0)).toBeGreaterThan(0);
    await expect
      .poll(() => notificationsOf(p.page, requestId))
      .toEqual([{ title: 'Nouvelle demande : passage infirmier à domicile (retour à domicile)', body: `${COMMUNE.name} — dans la journée`, url: `/demandes/${requestId}`, actions: ['Accepter'] }]);
  }
  await screenshot(nurse.page, testInfo, 'demandes-alertes');

  // The second nurse accepts offline; the first accepts online and wins.
  await openRequest(late.page, requestId);
  for (const action of ['action-accept', 'action-decline', 'action-advice']) await expect(late.page.getByTestId(action)).toBeInViewport({ ratio: 1 });
  await screenshot(late.page, testInfo, 'demande-alerte-telephone');
  await late.page.context().setOffline(true);
  await late.page.getByTestId('action-accept').click();
  await expect(late.page.getByTestId('accepting')).toBeVisible();
  await expect(late.page.getByTestId('request-standing')).toHaveAttribute('data-kind', 'waiting');
  await openRequest(nurse.page, requestId);
  // Not a participant yet: the photo stays closed.
  await expect(nurse.page.getByTestId('attachment')).toContainText('Visibles du demandeur et du professionnel qui prend en charge');
  // One tap on the alert in the list, undone: nothing is sent, the alert stays.
  await nurse.page.getByRole('link', { name: /Toutes les demandes/ }).click();
  const card = nurse.page.locator(`[data-testid="alert-item"][data-request-id="${requestId}"]`);
  await card.getByTestId('action-accept').click();
  await expect(card.getByTestId('accepting')).toBeVisible();
  await screenshot(nurse.page, testInfo, 'demandes-accepter-annuler');
  await card.getByTestId('accept-undo').click();
  await expect(card.getByTestId('action-accept')).toBeVisible();
  // « Accepter » on the notification opens the request with `?accepter=1`: accepted as by the button, with undo offered.
  await nurse.page.goto(`/demandes/${requestId}?accepter=1`);
  await expect(nurse.page.getByTestId('accepting')).toBeVisible();
  await expect(nurse.page).toHaveURL(new RegExp(`/demandes/${requestId}$`));
  await expect(nurse.page.getByTestId('request-standing')).toHaveAttribute('data-kind', 'assigned-to-me', { timeout: 30_000 });

  await late.page.context().setOffline(false);
  const standing = late.page.getByTestId('request-standing');
  await expect(standing).toHaveAttribute('data-kind', 'too-late', { timeout: 30_000 });
  await expect(standing).toContainText(`Déjà pris en charge par ${nurse.name}`);
  await settled(late.page);
  await screenshot(late.page, testInfo, 'demande-deja-prise');
  await late.page.getByRole('link', { name: /Toutes les demandes/ }).click();
  await expect(late.page.locator(`[data-testid="alert-item"][data-request-id="${requestId}"]`)).toHaveCount(0);

  // The requester sees who took it and opens the patient block (traced).
  await expect(page.getByTestId('request-assignee')).toContainText(nurse.name, { timeout: 30_000 });
  await page.getByTestId('patient-show').click();
  await expect(page.getByTestId('patient-identity')).toContainText('DURAND Jeanne');
  await page.getByTestId('patient-history-load').click();
  await expect(page.getByTestId('patient-history')).toContainText(/Aucune demande antérieure|\d{2}:\d{2}/);
  await page.getByTestId('thread-text').fill('Merci ! Le pansement est dans la pharmacie du patient ; sonnez deux fois.');
  await page.getByTestId('thread-send').click();
  await expect(page.getByTestId('thread-message').filter({ hasText: 'sonnez deux fois' })).toBeVisible();
  await settled(page);
  await screenshot(page, testInfo, 'demande-demandeur');

  // The assignee gets the patient block, the photo and the message; she answers with a photo of her own.
  const n = nurse.page;
  await expect(n.getByTestId('thread-message').filter({ hasText: 'sonnez deux fois' })).toBeVisible({ timeout: 30_000 });
  await expectImageLoaded(n, photoId);
  await expect(n.getByTestId('patient-show')).toBeVisible({ timeout: 30_000 });
  await n.getByTestId('patient-show').click();
  await expect(n.getByTestId('patient-identity')).toContainText('DURAND Jeanne');
  await n.getByTestId('thread-text').fill('Passage fait à 18 h, plaie propre. Photo jointe.');
  await n.getByTestId('thread-files-input').setInputFiles({ name: 'apres.png', mimeType: 'image/png', buffer: png });
  await n.getByTestId('thread-send').click();
  const reply = n.getByTestId('thread-message').filter({ hasText: 'Passage fait' });
  await expect(reply).toBeVisible();
  const replyPhotoId = (await reply.getByTestId('attachment').getAttribute('data-upload-id'))!;
  await expect(reply.getByTestId('attachment')).toHaveAttribute('data-uploaded', 'true', { timeout: 30_000 });
  await settled(n);
  await screenshot(n, testInfo, 'demande-prise-en-charge');

  await expect(page.getByTestId('thread-message').filter({ hasText: 'Passage fait' })).toBeVisible({ timeout: 30_000 });
  await expectImageLoaded(page, replyPhotoId);

  // The nurse who came too late cannot open the case's files.
  for (const id of [photoId, replyPhotoId]) {
    const res = await late.page.request.get(`/api/uploads/${id}`);
    expect([403, 404]).toContain(res.status());
  }
  await expect(late.page.getByTestId('nav-alerts')).toHaveCount(0);

  // Every opening of the patient block reached the audit log, from both devices.
  const coordination = await playwright.request.newContext({ baseURL });
  await coordination.post('/api/session', { data: demo('coordination') });
  await expect
    .poll(async () => {
      const { entries } = (await (await coordination.get(`/api/audit?requestId=${requestId}`)).json()) as AccessLogAnswer;
      return [gp.memberId, nurse.memberId].map((id) => entries.some((e) => e.memberId === id && e.action === 'open' && e.via === 'device'));
    })
    .toEqual([true, true]);
  await coordination.dispose();

  // The assignee's device kept the photos she opened; logging out wipes them with the patient data.
  const deviceData = () =>
    n.evaluate(async () => ({
      cachedUploads: (await caches.has('uploads-v1')) ? (await (await caches.open('uploads-v1')).keys()).length : 0,
      databases: ((await indexedDB.databases()).map((d) => d.name ?? '')).filter((name) => name === 'cpts-device' || name.includes('patients')),
    }));
  expect((await deviceData()).cachedUploads).toBeGreaterThanOrEqual(2);
  await n.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(n).toHaveURL(/\/connexion/);
  await expect.poll(deviceData).toEqual({ cachedUploads: 0, databases: [] });

  expect(pageErrors).toEqual([]);
  for (const p of [gp, nurse, late]) await p.page.context().close();
});
