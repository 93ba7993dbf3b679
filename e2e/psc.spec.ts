/**
 * Pro Santé Connect in Chromium, against a local OpenID provider issuing PSC-shaped claims
 * (`e2e/psc-provider.ts`): a known professional signs in and out, a refusal comes back to the login
 * page in French, an unknown professional reaches the registration form pre-filled.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_PSC_ISSUER } from './env';
import { demo, screenshot, signedInName } from './helpers';

/** Who the provider signs in next (or a refusal). */
async function nextAtPsc(request: APIRequestContext, next: { person: { rpps: string; firstName: string; lastName: string; profession: string } } | { refuse: true }) {
  expect((await request.post(`${E2E_PSC_ISSUER}/test/next`, { data: next })).status()).toBe(204);
}

test('a GP signs in with Pro Santé Connect, works with the app, and signs out of both', async ({ page, playwright }, testInfo) => {
  // Her national number, as the directory knows it (the demo GP's entry is « m-<RPPS> »).
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const me = await (await api.post('/api/session', { data: demo('generaliste') })).json();
  await api.dispose();
  const rpps = String(me.user.memberId).replace(/^m-/, '');
  await nextAtPsc(page.request, { person: { rpps, firstName: 'Arthur', lastName: 'Mathis', profession: '10' } });

  await page.goto('/connexion');
  await expect(page.getByTestId('login-psc')).toBeVisible();
  await screenshot(page, testInfo, 'connexion-pro-sante-connect');
  await page.getByTestId('login-psc').click();
  await expect(page).toHaveURL(/\/annuaire/);
  expect(await signedInName(page)).toBe(me.user.name);
  await expect(page.getByTestId('directory-count')).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  // Through the provider's logout, back to the login page; the session is over.
  await expect(page).toHaveURL(/\/connexion$/);
  expect((await page.request.get('/api/session')).status()).toBe(401);
});

test('a refusal at Pro Santé Connect comes back to the login page, said in French', async ({ page }) => {
  await nextAtPsc(page.request, { refuse: true });
  await page.goto('/connexion');
  await page.getByTestId('login-psc').click();
  await expect(page).toHaveURL(/\/connexion\?psc=refuse$/);
  await expect(page.getByTestId('login-error')).toHaveText('La connexion avec Pro Santé Connect a été annulée ou refusée.');
});

test('a professional unknown to the CPTS reaches the registration form pre-filled from the national identity', async ({ page }, testInfo) => {
  await nextAtPsc(page.request, { person: { rpps: '10999999993', firstName: 'Inès', lastName: 'Nouvelle', profession: '60' } });
  await page.goto('/connexion');
  await page.getByTestId('login-psc').click();
  await expect(page).toHaveURL(/\/inscription\?psc=[0-9a-f]{32}$/);
  await expect(page.getByTestId('reg-psc-prefill')).toContainText('votre identité et votre numéro sont repris ici');
  await expect(page.locator('input[name="lastName"]')).toHaveValue('Nouvelle');
  await expect(page.locator('input[name="firstName"]')).toHaveValue('Inès');
  await expect(page.locator('input[name="idValue"]')).toHaveValue('10999999993');
  await expect(page.locator('select[name="profession"]')).toHaveValue('60');
  await screenshot(page, testInfo, 'inscription-pro-sante-connect');
  // The address is the pre-fill's only key: opened in another browser, it gives nothing.
  const other = await page.context().browser()!.newContext();
  const elsewhere = await other.request.get(`${new URL(page.url()).origin}/api/auth/psc/prefill/${new URL(page.url()).searchParams.get('psc')}`);
  expect(elsewhere.status()).toBe(404);
  await other.close();
});
