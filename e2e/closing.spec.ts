/**
 * A case closing: for a tele-expertise resolved, the GP who asked and the dermatologist who answered
 * each read which act they may bill (RQD, TE2), at which rate and on which conditions, and download
 * the closing letter; a member gives the MSSanté address the letters go to.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { TELEEXPERTISE_BILLING } from '../src/domain/requests/teleexpertise-billing';
import { closeContextsAfterEach, login, screenshot as viewportShot } from './helpers';
import { Interactions, JOURNEYS } from './journeys';
import { samplePng, screenshot, settled, signIn } from './request-steps';

closeContextsAfterEach();

test('a resolved tele-expertise tells each doctor which act to bill, and not before it is resolved; each downloads the closing letter', async ({ browser }, testInfo) => {
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
  await expect(specialist.page.getByTestId('closing-letter')).toHaveCount(0);

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

  // The closing letter, for the patient's record: the need, who took it, the outcome.
  const downloading = specialist.page.waitForEvent('download');
  await specialist.page.getByTestId('closing-letter-download').click();
  const letter = await downloading;
  expect(letter.suggestedFilename()).toBe(`lettre-de-cloture-${requestId}.pdf`);
  const pdf = readFileSync((await letter.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  for (const field of ['lettre de clôture', 'KELLER Marc, né le 3 septembre 1962', 'Lésion pigmentée du dos', `Demandeur : ${gp.name}`, `Pris en charge par : ${specialist.name}`, 'Besoin couvert : demande résolue']) expect(flat).toContain(field);

  // The GP sees it once the closing reaches her device.
  const theirs = gp.page.getByTestId('teleexpertise-billing');
  await expect(theirs.getByTestId('billing-requerant')).toContainText(`${gp.name} (vous), requérant (Médecin) peut coter RQD (10,00 €)`, { timeout: 30_000 });
  await expect(theirs.getByTestId('billing-requis')).toContainText(`${specialist.name}, requis (Médecin) peut coter TE2`);
});

test('a member gives the MSSanté address their closing letters go to; an ordinary mailbox is refused', async ({ page }, testInfo) => {
  await login(page, 'infirmiere');
  await page.goto('/profil');
  const field = page.getByTestId('mssante-address');
  await field.fill('claire.dupont@gmail.com');
  await page.getByTestId('mssante-save').click();
  await expect(page.getByTestId('mssante-message')).toContainText('n’est pas une adresse MSSanté : une messagerie sécurisée de santé se termine par « mssante.fr »');
  await field.fill('Claire.Dupont@infirmier.mssante.fr');
  await page.getByTestId('mssante-save').click();
  await expect(page.getByTestId('mssante-message')).toHaveText('Adresse MSSanté enregistrée.');
  await page.getByTestId('mssante-form').scrollIntoViewIfNeeded();
  await viewportShot(page, testInfo, 'profil-mssante');
  // Kept on the account: read again on the next visit.
  await page.reload();
  await expect(page.getByTestId('mssante-address')).toHaveValue('claire.dupont@infirmier.mssante.fr');
  await field.fill('');
  await page.getByTestId('mssante-save').click();
  await expect(page.getByTestId('mssante-message')).toHaveText('Adresse MSSanté retirée : les lettres ne seront plus envoyées.');
});
