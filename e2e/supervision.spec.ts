/**
 * The coordination platform in Chromium: a request nobody can take is escalated, the coordinator
 * finds it in the queue, calls a nurse who agrees and assigns it on her behalf, and the nurse sees it
 * as hers; the coordinator keeps the duty roster and posts a request for a GP who phoned.
 */
import { expect, test } from '@playwright/test';
import { closeContextsAfterEach, screenshot } from './helpers';
import { signIn } from './request-steps';

closeContextsAfterEach();

const iso = (t: number) => new Date(t).toISOString();
/** The console is desktop first: coordinators get a desktop window, the others a default one. */
const DESKTOP = { width: 1366, height: 900 };

test('a request nobody accepts is escalated; the coordinator calls a nurse and assigns it on her behalf; she sees it as hers', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const nurse = await signIn(browser, 'infirmiere');
  const gp = await signIn(browser, 'generaliste');
  const coordinator = await signIn(browser, 'coordination', { viewport: DESKTOP });

  // No occupational therapist in the demo directory: nobody can be alerted, so the coordination is alerted at once.
  const now = Date.now();
  const id = `r-e2e-escalation-${now}`;
  const request = {
    _id: id,
    requesterId: gp.memberId,
    type: 'autre',
    target: { professions: ['94'] },
    urgency: 'date',
    deadline: iso(now + 15_000),
    place: { commune: 'Metz', communeInsee: '57463', lat: 49.1196, lon: 6.1763 },
    question: 'Retour à domicile en ambulance après une consultation, patiente non valide.',
    photos: [],
    status: 'sent',
    createdAt: iso(now),
    updatedAt: iso(now),
  };
  const patient = {
    _id: `p-${id.slice(2)}`,
    requestId: id,
    requesterId: gp.memberId,
    identity: { lastName: 'Lambert', firstName: 'Odile', birthDate: '1938-02-17', sex: 'F' },
    insStatus: 'non-qualifiee',
    consent: { informed: true, at: iso(now), by: gp.memberId },
    createdAt: iso(now),
    updatedAt: iso(now),
  };
  for (const [collection, doc] of [['requests', request], ['patients', patient]] as const) {
    const res = await gp.page.request.post(`/api/sync/${collection}/_bulk_docs`, { data: { docs: [doc] } });
    expect((await res.json())[0]).toMatchObject({ ok: true });
  }

  // The queue: the request arrives through sync, first as close to its deadline, then escalated.
  const { page } = coordinator;
  await page.getByTestId('nav-supervision').click();
  await expect(page).toHaveURL(/\/coordination\/file$/);
  await page.getByTestId('queue-scope-all').check();
  const item = page.locator(`[data-testid="queue-item"][data-request-id="${id}"]`);
  await expect(item.locator('[data-reason="escalated"]')).toBeVisible({ timeout: 90_000 });
  await expect(item).toContainText('Autre');
  await expect(item).toContainText('Metz');
  await expect(item.getByTestId('queue-alerted')).toContainText('personne n’a pu être alerté');
  // Escalated at once, not at its deadline (a few seconds away, or just passed).
  await expect(item.getByTestId('queue-time-left')).toContainText(/reste \d+ min|échéance dépassée/);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'supervision-queue');

  // The case: a call to the nurse, who agrees on the phone, then the assignment on her behalf.
  await item.getByTestId('queue-open').click();
  await expect(page).toHaveURL(new RegExp(`/coordination/demandes/${id}$`));
  await expect(page.getByTestId('request-card')).toBeVisible();
  await expect(page.getByTestId('case-history')).toContainText('escalade vers la coordination');
  await expect(page.getByTestId('candidates-none')).toBeVisible();
  await page.getByTestId('call-who').fill(nurse.name);
  await page.locator(`[data-testid="call-who-results"] [data-member-id="${nurse.memberId}"]`).click();
  await expect(page.getByTestId('call-who-chosen')).toHaveAttribute('data-member-id', nurse.memberId);
  await page.getByTestId('call-outcome-agreed').check();
  await page.getByTestId('call-comment').fill('Peut organiser le retour avec une ambulance partenaire à 17 h.');
  await page.getByTestId('call-save').click();
  await expect(page.getByTestId('call-entry')).toHaveCount(1);
  await expect(page.getByTestId('call-entry')).toContainText(nurse.name);
  await expect(page.getByTestId('call-entry')).toContainText('d’accord');

  await page.getByTestId('assign-agreed-button').click();
  await page.getByTestId('assign-agreed-button-confirm').click();
  await expect(page.getByTestId('request-status')).toHaveText('Prise en charge', { timeout: 30_000 });
  await expect(page.getByTestId('request-assignee')).toContainText(nurse.name);
  const history = page.getByTestId('case-history');
  await expect(history.locator('[data-event="call"]')).toContainText(nurse.name);
  // « de » or « d’ » before the name, as French has it (the rule is unit-tested in src/i18n).
  await expect(history.locator('[data-event="accept"]')).toContainText(new RegExp(`${coordinator.name} · pour le compte (de |d’)${nurse.name}`));
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, testInfo, 'supervision-case');

  // The server recorded the assignment on behalf, like an acceptance by the nurse herself.
  const [stored] = (await (await page.request.post('/api/sync/requests/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows;
  expect(stored.doc).toMatchObject({ status: 'assigned', assigneeId: nurse.memberId });

  // The nurse finds it among her cases, and may open the patient block.
  await nurse.page.getByTestId('nav-requests').click();
  const mine = nurse.page.locator(`[data-testid="case-item"][data-request-id="${id}"]`);
  await expect(mine).toBeVisible({ timeout: 30_000 });
  await mine.locator('a').first().click();
  await expect(nurse.page.getByTestId('request-status')).toHaveText('Prise en charge');
  await expect(nurse.page.getByTestId('patient-show')).toBeVisible({ timeout: 30_000 });
});


test('the coordinator keeps the duty roster and posts a request for a GP who phoned', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const gp = await signIn(browser, 'generaliste');
  const coordinator = await signIn(browser, 'coordination', { viewport: DESKTOP });
  const { page } = coordinator;

  // Roster: a shift from now for the signed-in coordinator makes her the one on duty; then it is removed.
  await page.getByTestId('nav-roster').click();
  await expect(page.getByTestId('shift-form')).toBeVisible();
  const start = new Date(Date.now() - 60_000);
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByTestId('shift-start').fill(local(start));
  await page.getByTestId('shift-end').fill(local(new Date(start.getTime() + 4 * 3_600_000)));
  await page.getByTestId('shift-add').click();
  await expect(page.getByTestId('on-duty')).toContainText(coordinator.name);
  const shift = page.getByTestId('shift').filter({ hasText: coordinator.name });
  await expect(shift).toHaveCount(1);
  await screenshot(page, testInfo, 'supervision-roster');
  await shift.getByTestId('shift-remove').click();
  await shift.getByTestId('shift-remove-confirm').click();
  await expect(page.getByTestId('shift')).toHaveCount(0);
  await expect(page.getByTestId('on-duty')).toContainText('Personne n’est de permanence');

  // The pharmacies on duty: a garde tonight, an on-call slot on the pharmacy's entry, on the server.
  const rota = page.getByTestId('pharmacy-rota');
  const option = rota.getByTestId('garde-pharmacy').locator('option').nth(1);
  const pharmacy = (await option.getAttribute('value'))!;
  const pharmacyName = (await option.innerText()).replace(/ \(.*\)$/, '');
  const before = (await (await page.request.post('/api/sync/members/_all_docs', { data: { keys: [pharmacy], include_docs: true } })).json()).rows[0].doc.availability.onCall.length;
  await rota.getByTestId('garde-pharmacy').selectOption(pharmacy);
  await rota.getByTestId('garde-add').click();
  await expect(rota.getByTestId('garde').filter({ hasText: pharmacyName })).toHaveCount(before + 1);
  await screenshot(page, testInfo, 'pharmacies-de-garde');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  const entry = (await (await page.request.post('/api/sync/members/_all_docs', { data: { keys: [pharmacy], include_docs: true } })).json()).rows[0].doc;
  expect(entry.availability.onCall).toHaveLength(before + 1);

  // Phone intake: the GP is the requester, the coordinator is recorded as the one who took the call.
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-caller').fill(gp.name);
  await page.locator(`[data-testid="intake-caller-results"] [data-member-id="${gp.memberId}"]`).click();
  await page.getByTestId('request-type-soin-non-programme').click();
  await page.getByTestId('picker-commune').selectOption('57463');
  await page.getByTestId('request-question').fill('Fièvre depuis trois jours, le cabinet du médecin est fermé cet après-midi.');
  await page.getByTestId('patient-lastName').fill('Henry');
  await page.getByTestId('patient-firstName').fill('Paul');
  await page.getByTestId('patient-birthDate').fill('1957-09-03');
  await page.getByTestId('patient-sex-M').check();
  await page.getByTestId('patient-consent').check();
  await page.getByTestId('intake-submit').click();
  await expect(page).toHaveURL(/\/coordination\/demandes\/r-[0-9a-f]{32}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByTestId('request-card')).toContainText(`Demande de ${gp.name}`);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  const [stored] = (await (await page.request.post('/api/sync/requests/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows;
  expect(stored.doc).toMatchObject({ requesterId: gp.memberId, intakeBy: coordinator.memberId, type: 'soin-non-programme' });
  // The caller sees it among his own requests.
  await gp.page.getByTestId('nav-requests').click();
  await expect(gp.page.locator(`[data-testid="my-request-item"][data-request-id="${id}"]`)).toBeVisible({ timeout: 30_000 });
});
