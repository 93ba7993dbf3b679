/**
 * The request form built for a consultation, on a phone: the three journeys of e2e/journeys.ts within
 * their interaction goals, each request stored as typed (the known patient's place, the specialty,
 * the photo); the question dictated where the browser offers it.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { patientIdOf } from '../src/domain/requests/patient-schema';
import { closeContextsAfterEach } from './helpers';
import { Interactions, JOURNEYS } from './journeys';
import { samplePng, settled, signIn } from './request-steps';

closeContextsAfterEach();

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' };

async function stored(page: Page, db: string, id: string) {
  const res = await page.request.post(`/api/sync/${db}/_all_docs`, { data: { keys: [id], include_docs: true } });
  return (await res.json()).rows[0]?.doc;
}

/** Viewport screenshots of the form for the record (e2e/screenshots with `npm run screenshots`). */
async function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR ?? path.join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

test('a GP posts the three consultation journeys within their interaction goals; each request is stored as typed', async ({ browser }) => {
  test.setTimeout(180_000);
  const gp = await signIn(browser, 'generaliste', PHONE);
  const { page } = gp;
  const practice = (await stored(page, 'members', gp.memberId)).address.commune as string;
  const photo = await samplePng(page);
  for (const journey of JOURNEYS) {
    await journey.prepare?.({ page, photo });
    const ui = new Interactions();
    await journey.run({ page, photo }, ui);
    expect(ui.count, `${journey.name}: ${ui.done.map((i) => i.what).join(', ')}`).toBeLessThanOrEqual(journey.goal);
    const id = page.url().split('/').pop()!;
    await settled(page);
    const request = await stored(page, 'requests', id);
    const { type, specialty, commune, photos, lastName } = journey.expected;
    expect(request, journey.name).toMatchObject({ type, place: { commune: commune === 'cabinet' ? practice : commune } });
    expect(request.target.specialty).toBe(specialty);
    expect(request.photos).toHaveLength(photos);
    expect((await stored(page, 'patients', patientIdOf(id))).identity.lastName).toBe(lastName);
  }
  // The form as a known patient's request starts: the type chosen, the list of the device's patients.
  await page.goto('/demandes/nouvelle');
  await shot(page, 'formulaire-type');
  await page.getByTestId('request-type-passage-infirmier').click();
  await expect(page.getByTestId('patient-option')).toHaveCount(2);
  await page.getByTestId('patient-block').evaluate((e) => e.scrollIntoView());
  await shot(page, 'formulaire-patient-connu');
});

test('the question is dictated where the browser recognises speech: what is said is added to it', async ({ browser }) => {
  const gp = await signIn(browser, 'generaliste', PHONE);
  const { page } = gp;
  // The platform's recogniser, standing in for Chrome's network service that tests cannot reach.
  await page.addInitScript(() => {
    class Recognition {
      lang = '';
      interimResults = true;
      continuous = true;
      onresult: ((e: unknown) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        (window as unknown as { recognitionLang: string }).recognitionLang = this.lang;
        setTimeout(() => {
          this.onresult?.({ results: [[{ transcript: 'pansement de l’ulcère tous les deux jours' }]] });
          this.onend?.();
        }, 0);
      }
      stop() {
        this.onend?.();
      }
    }
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition']) Object.defineProperty(window, name, { value: Recognition, configurable: true });
  });
  await page.goto('/demandes/nouvelle');
  await page.getByTestId('request-type-passage-infirmier').click();
  await page.getByTestId('request-dictate').click();
  await expect(page.getByTestId('request-question')).toHaveValue('Pansement de l’ulcère tous les deux jours');
  expect(await page.evaluate(() => (window as unknown as { recognitionLang: string }).recognitionLang)).toBe('fr-FR');
  await page.getByTestId('request-question').fill('Retour à domicile ce soir.');
  await page.getByTestId('request-dictate').click();
  await expect(page.getByTestId('request-question')).toHaveValue('Retour à domicile ce soir. Pansement de l’ulcère tous les deux jours');
});
