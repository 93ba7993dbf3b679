import { expect, request, test, type Page } from '@playwright/test';
import { luhnKey } from '../src/domain/members/identifiers';
import { demo, login, screenshot } from './helpers';

/** A unique RPPS (valid key), e-mail and mobile, so the test shares the server with the others safely. */
function someone() {
  const stamp = String(Date.now()).slice(-8);
  const body = '19' + stamp;
  return {
    rpps: body + luhnKey(body),
    email: `claire.e2e.${stamp}@example.fr`,
    mobile: `07 ${stamp.slice(0, 2)} ${stamp.slice(2, 4)} ${stamp.slice(4, 6)} ${stamp.slice(6, 8)}`,
    password: 'Inscription-e2e-2026',
  };
}

/** The newest message of the outbox page for this recipient. */
async function outboxText(page: Page, channel: 'sms' | 'email', to: string): Promise<string> {
  await page.goto('/coordination/messages');
  const message = page.locator(`[data-testid="outbox-message"][data-channel="${channel}"][data-to="${to}"]`).first();
  await expect(message).toBeVisible();
  return message.getByTestId('outbox-text').innerText();
}

// The second test resets the password of the account the first one created.
test.describe.configure({ mode: 'serial' });
const person = someone();

// Other tests count the directory's entries: the coordination removes the new one afterwards.
test.afterAll(async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  expect((await api.post('/api/session', { data: demo('coordination') })).ok()).toBe(true);
  const id = `m-${person.rpps}`;
  const rows = (await (await api.post('/api/sync/members/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows;
  if (rows[0]?.doc) {
    const res = await api.post('/api/sync/members/_bulk_docs', { data: { docs: [{ ...rows[0].doc, _deleted: true, updatedAt: new Date().toISOString() }] } });
    expect((await res.json())[0].ok).toBe(true);
  }
  await api.dispose();
});

test('a professional registers, verifies by SMS and e-mail, is approved by the coordination and logs in', async ({ page, browser }, testInfo) => {

  await page.goto('/connexion');
  await page.getByTestId('register-link').click();
  await expect(page).toHaveURL(/\/inscription$/);

  // Client-side validation with the shared validator, each error beside its field.
  await page.getByTestId('registration-submit').click();
  await expect(page.getByTestId('reg-lastName-error')).toHaveText('nom obligatoire');
  await expect(page.getByTestId('reg-idValue-error')).toContainText('RPPS obligatoire');
  await expect(page.getByTestId('registration-error')).toContainText('à corriger');

  await page.getByTestId('reg-civility').selectOption('Dr');
  await page.getByTestId('reg-lastName').fill('Lambert');
  await page.getByTestId('reg-firstName').fill('Claire');
  await page.getByTestId('reg-profession').selectOption('10');
  await page.getByTestId('reg-specialty').fill('Médecine générale');
  await page.getByTestId('reg-idValue').fill('1234');
  await expect(page.getByTestId('reg-idValue-error')).toHaveText('le numéro RPPS compte 11 chiffres');
  await page.getByTestId('reg-idValue').fill(person.rpps);
  await expect(page.getByTestId('reg-idValue-error')).toHaveCount(0);
  await page.getByTestId('reg-number').fill('12');
  await page.getByTestId('reg-street').fill('rue Serpenoise');
  await page.getByTestId('reg-postcode').fill('57000');
  await page.getByTestId('reg-communeInsee').selectOption('57463');
  await page.getByTestId('reg-mobile').fill(person.mobile);
  await page.getByTestId('reg-landline').fill('03 87 11 22 33');
  await page.getByTestId('reg-email').fill(person.email);
  await page.getByTestId('reg-password').fill(person.password);
  // The signature is proposed from the other fields.
  await expect(page.getByTestId('reg-signature')).toHaveValue(/Dr Claire Lambert\nMédecin – Médecine générale\n12 rue Serpenoise, 57000 Metz/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, testInfo, 'inscription');
  await page.getByTestId('registration-submit').click();

  await expect(page).toHaveURL(/\/inscription\/suivi/);
  await expect(page.getByTestId('registration-follow-up')).toContainText('Un code à 6 chiffres a été envoyé par SMS');

  // A pending account cannot log in yet.
  const early = await page.request.post('/api/session', { data: { email: person.email, password: person.password } });
  expect(early.status()).toBe(401);

  // The coordination reads the SMS and the e-mail in its outbox (the e2e server has no SMS gateway nor SMTP).
  const coordination = await browser.newContext();
  const coord = await coordination.newPage();
  await login(coord, 'coordination');
  await coord.getByTestId('nav-messages').click();
  const sms = await outboxText(coord, 'sms', person.mobile);
  const code = /(\d{6})/.exec(sms)![1];
  const mail = await outboxText(coord, 'email', person.email);
  const link = /\/verification\?token=[A-Za-z0-9_-]+/.exec(mail)![0];
  await screenshot(coord, testInfo, 'messages');

  await page.getByTestId('verify-code').fill(code === '000000' ? '111111' : '000000');
  await page.getByTestId('verify-code-submit').click();
  await expect(page.getByTestId('verify-code-error')).toHaveText('Code incorrect.');
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-code-submit').click();
  await expect(page.getByTestId('phone-verified')).toBeVisible();

  await page.goto(link);
  await expect(page.getByTestId('email-verification-done')).toBeVisible();
  await page.goto('/inscription/suivi');
  await expect(page.getByTestId('registration-waiting')).toContainText('attend la validation');

  await coord.getByTestId('nav-registrations').click();
  const card = coord.getByTestId('registration-card').filter({ hasText: person.rpps });
  await expect(card).toContainText('Dr Claire Lambert');
  await expect(card).toContainText(`RPPS ${person.rpps}`);
  await expect(card).toContainText('vérifié');
  await card.scrollIntoViewIfNeeded();
  await screenshot(coord, testInfo, 'inscriptions-a-valider');
  await card.getByTestId('approve').click();
  await expect(coord.getByTestId('queue-notice')).toContainText('validée');
  await expect(coord.getByTestId('registration-card').filter({ hasText: person.rpps })).toHaveCount(0);
  await coordination.close();

  await page.reload();
  await expect(page.getByTestId('registration-approved')).toBeVisible();
  await page.goto('/connexion');
  await page.getByTestId('login-email').fill(person.email);
  await page.getByTestId('login-password').fill(person.password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/annuaire/);
  // A member sees no coordination links.
  await expect(page.getByTestId('nav-registrations')).toHaveCount(0);
});

test('a forgotten password is reset from the e-mailed link', async ({ page, browser }) => {
  const { email } = person;
  await page.goto('/connexion');
  await page.getByTestId('forgot-link').click();
  await page.getByTestId('forgot-email').fill(email);
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-done')).toContainText('Si un compte actif existe');

  const coordination = await browser.newContext();
  const coord = await coordination.newPage();
  await login(coord, 'coordination');
  await coord.goto('/coordination/messages');
  const text = await coord.locator(`[data-testid="outbox-message"][data-to="${email}"]`).filter({ hasText: 'reinitialisation' }).first().getByTestId('outbox-text').innerText();
  await coordination.close();
  const link = /\/reinitialisation\?token=[A-Za-z0-9_-]+/.exec(text)![0];

  await page.goto(link);
  await page.getByTestId('reset-password').fill('court');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-password-error')).toContainText('au moins 10 caractères');
  const fresh = 'Specialiste-nouveau-2027';
  await page.getByTestId('reset-password').fill(fresh);
  await page.getByTestId('reset-confirm').fill(fresh);
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await page.goto(link);
  await expect(page.getByTestId('reset-error')).toContainText('déjà été utilisé');
  await page.goto('/connexion');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(fresh);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/annuaire/);
});
