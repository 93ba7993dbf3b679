/**
 * The follow-up after care, as the demo GP meets it: her home-nursing case closed three days ago is
 * « à suivre »; she answers offline (the answer waits on the device), the bad answer reaches the
 * server once the network is back, and she reopens the case to the nurse in one tap.
 */
import { expect, test } from '@playwright/test';
import { DEMO_FOLLOW_UP_REQUEST } from '../server/demo/activity';
import { login, screenshot } from './helpers';

const cardOnServer = async (request: import('@playwright/test').APIRequestContext) =>
  (await (await request.post('/api/sync/requests/_all_docs', { data: { keys: [DEMO_FOLLOW_UP_REQUEST], include_docs: true } })).json()).rows[0].doc;

test('a GP answers the follow-up of a resolved case offline, then reopens it to the nurse', async ({ page, context }, testInfo) => {
  await login(page, 'generaliste');
  await page.getByTestId('nav-requests').click();
  const item = page.getByTestId('follow-up-item');
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await item.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/demandes/${DEMO_FOLLOW_UP_REQUEST}$`));
  const panel = page.getByTestId('follow-up');
  await expect(panel).toContainText('Le besoin est-il couvert ?');

  await context.setOffline(true);
  await page.getByTestId('follow-up-send').click();
  await expect(page.getByTestId('follow-up-message')).toHaveText('Répondez aux deux questions.');
  await page.getByTestId('follow-up-covered-no').check();
  await page.getByTestId('follow-up-emergency-no').check();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'suivi-apres-prise-en-charge');
  await page.getByTestId('follow-up-send').click();
  await expect(page.getByTestId('follow-up-thanks')).toContainText('Le professionnel qui a pris en charge et la coordination sont prévenus.');
  await expect(page.getByTestId('sync-pending')).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(async () => (await cardOnServer(page.request)).history.map((h: { event: string }) => h.event), { timeout: 30_000 }).toContain('follow-up-alert');

  await page.getByTestId('follow-up-reopen').click();
  await expect.poll(async () => (await cardOnServer(page.request)).status, { timeout: 30_000 }).toBe('assigned');
  // Back with the nurse: the follow-up is no longer asked, the case is open again.
  await expect(page.getByTestId('follow-up')).toHaveCount(0, { timeout: 30_000 });
  await page.getByTestId('nav-requests').click();
  await expect(page.getByTestId('follow-up-item')).toHaveCount(0);
});
