/**
 * A tele-expertise closed as resolved: the GP who asked and the dermatologist who answered each read
 * which act they may bill (RQD, TE2), at which rate and on which conditions; the indicators count it.
 */
import { expect, test } from '@playwright/test';
import { TELEEXPERTISE_BILLING } from '../src/domain/requests/teleexpertise-billing';
import { closeContextsAfterEach } from './helpers';
import { Interactions, JOURNEYS } from './journeys';
import { samplePng, screenshot, settled, signIn } from './request-steps';

closeContextsAfterEach();

test('a resolved tele-expertise tells each doctor which act to bill, and not before it is resolved', async ({ browser }, testInfo) => {
  const gp = await signIn(browser, 'generaliste');
  const specialist = await signIn(browser, 'specialiste');
  const journey = JOURNEYS.find((j) => j.name === 'new-patient-specialist-photo')!;
  await journey.run({ page: gp.page, photo: await samplePng(gp.page) }, new Interactions());
  const requestId = new URL(gp.page.url()).pathname.split('/').pop()!;

  // The dermatologist is alerted, accepts; nothing to bill yet.
  await specialist.page.goto(`/demandes/${requestId}`);
  await specialist.page.getByTestId('action-accept').click();
  await expect(specialist.page.getByTestId('request-standing')).toHaveAttribute('data-kind', 'assigned-to-me', { timeout: 30_000 });
  await expect(specialist.page.getByTestId('teleexpertise-billing')).toHaveCount(0);

  // The opinion given, the dermatologist closes the case as resolved.
  await specialist.page.getByTestId('action-resolve').click();
  await specialist.page.getByTestId('action-confirm').click();
  const mine = specialist.page.getByTestId('teleexpertise-billing');
  await expect(mine.getByTestId('billing-requis')).toContainText(`${specialist.name} (vous), requis (Médecin) peut coter TE2 (23,00 €)`);
  await expect(mine.getByTestId('billing-requerant')).toContainText(`${gp.name}, requérant (Médecin) peut coter RQD (10,00 €)`);
  for (const condition of TELEEXPERTISE_BILLING.conditions) await expect(mine).toContainText(condition);
  await expect(mine.getByTestId('billing-sources')).toContainText('Tarifs en vigueur depuis le 1er janvier 2026');
  await expect(mine.getByTestId('billing-sources').getByRole('link', { name: /Assurance Maladie/ })).toHaveAttribute('href', /ameli\.fr/);
  await settled(specialist.page);
  await screenshot(specialist.page, testInfo, 'teleexpertise-facturation');

  // The GP sees it once the closing reaches her device.
  const theirs = gp.page.getByTestId('teleexpertise-billing');
  await expect(theirs.getByTestId('billing-requerant')).toContainText(`${gp.name} (vous), requérant (Médecin) peut coter RQD (10,00 €)`, { timeout: 30_000 });
  await expect(theirs.getByTestId('billing-requis')).toContainText(`${specialist.name}, requis (Médecin) peut coter TE2`);
});
