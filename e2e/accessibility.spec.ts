/**
 * Every page, checked by axe (WCAG 2.1 A/AA and best practices): no serious or critical violation,
 * on a desktop and on a phone, signed out, as a member and as the coordination.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { login } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The serious and critical violations on the page as it is now, each with the elements concerned. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' ; ')}`);
}

/** Opens each path in turn (through the app's own links where it has them) and collects what axe finds. */
async function check(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('main, .login, form, h1').first()).toBeVisible();
    // Loaded: no « Chargement… » left.
    await expect(page.getByText(/^Chargement/)).toHaveCount(0, { timeout: 30_000 });
    const violations = await seriousViolations(page);
    if (violations.length) found[path] = violations;
  }
  return found;
}

async function signedIn(browser: Browser, account: string, options = {}): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options })).newPage();
  await login(page, account);
  return page;
}

/** A request of the GP's, to check its page. */
async function aRequestPath(page: Page): Promise<string> {
  await page.goto('/demandes');
  const first = page.locator('[data-testid="my-request-item"] a').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  return (await first.getAttribute('href'))!;
}

const MEMBER_PAGES = ['/annuaire', '/carte', '/disponibilite', '/profil', '/moi', '/demandes', '/demandes/nouvelle'];
const COORDINATION_PAGES = ['/coordination/file', '/coordination/saisie', '/coordination/permanences', '/coordination/indicateurs', '/coordination/inscriptions', '/coordination/messages', '/coordination/import-rpps', '/coordination/technique'];

test('signed-out pages: no serious accessibility violation', async ({ page }) => {
  expect(await check(page, ['/connexion', '/inscription', '/mot-de-passe-oublie', '/page-inconnue'])).toEqual({});
});

test('a member’s pages, on a desktop and on a phone: no serious accessibility violation', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const options of [{}, PHONE]) {
    const page = await signedIn(browser, 'generaliste', options);
    const request = await aRequestPath(page);
    expect(await check(page, [...MEMBER_PAGES, request])).toEqual({});
    // The request form once its type is chosen: specialty chips, the patient, the place, the consent.
    await page.goto('/demandes/nouvelle');
    await page.getByTestId('request-type-avis-specialise').click();
    await expect(page.getByTestId('patient-block')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }
});

test('the coordination’s pages: no serious accessibility violation', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, 'coordination');
  expect(await check(page, COORDINATION_PAGES)).toEqual({});
  await page.context().close();
});
