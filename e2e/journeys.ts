/**
 * Three ways a GP in consultation posts a request, driven as a person would on a phone, each
 * interaction counted: a tap, a choice, a field typed in (one interaction, its characters noted), the
 * camera opened. The e2e suite checks the counts and what reached the server; the bench times them.
 * Counting starts on the open form (« Nouvelle » is one more tap from any page) and ends with
 * « Envoyer »; the camera's own shutter, in the phone's camera app, is not the app's and not counted.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Interaction {
  kind: 'tap' | 'type' | 'camera';
  what: string;
  /** Characters typed, for a field. */
  chars?: number;
}

export class Interactions {
  readonly done: Interaction[] = [];

  async tap(target: Locator, what: string): Promise<void> {
    await target.click();
    this.done.push({ kind: 'tap', what });
  }

  async check(target: Locator, what: string): Promise<void> {
    await target.check();
    this.done.push({ kind: 'tap', what });
  }

  /** A field typed in, key by key (so what reacts to typing does). */
  async type(target: Locator, text: string, what: string): Promise<void> {
    await target.click();
    await target.pressSequentially(text);
    this.done.push({ kind: 'type', what, chars: text.length });
  }

  async camera(input: Locator, photo: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await input.setInputFiles(photo);
    this.done.push({ kind: 'camera', what: 'photo' });
  }

  get count(): number {
    return this.done.length;
  }

  /**
   * A person's time, estimated with keystroke-level model operators (not measured: a script has no
   * hesitation): 1.2 s to decide each step, 1.0 s to reach and tap, 0.3 s per character typed on a
   * phone keyboard (about 40 words a minute), 3 s in the camera app.
   */
  estimatedSeconds(): number {
    return this.done.reduce((s, i) => s + 1.2 + 1.0 + (i.chars ?? 0) * 0.3 + (i.kind === 'camera' ? 3 : 0), 0);
  }
}

export interface JourneyContext {
  page: Page;
  photo: Buffer;
}

export interface Journey {
  name: 'known-patient-nursing' | 'new-patient-specialist-photo' | 'drug-out-of-stock';
  title: string;
  goal: number;
  /** What the journey needs first, not counted (the known patient's earlier request). */
  prepare?(ctx: JourneyContext): Promise<void>;
  run(ctx: JourneyContext, ui: Interactions): Promise<void>;
  /** The stored request and patient block, as the server has them; commune `cabinet`: the GP's own. */
  expected: { type: string; specialty?: string; commune: string; photos: number; lastName: string };
}

/** The known patient: her first request is typed in full, which puts her in the device's list. */
export const KNOWN = { lastName: 'Durand', firstName: 'Jeanne', birthDate: '12/05/1941', address: '3 rue des Roses, 57420 Chérisey' };

async function postFirstRequestFor(page: Page): Promise<void> {
  await page.goto('/demandes/nouvelle');
  await page.getByTestId('request-type-passage-infirmier').click();
  const form = new Interactions();
  await form.type(page.getByTestId('patient-lastName'), KNOWN.lastName, 'nom');
  await form.type(page.getByTestId('patient-firstName'), KNOWN.firstName, 'prénom');
  await form.type(page.getByTestId('patient-birthDate'), KNOWN.birthDate, 'date de naissance');
  await page.getByTestId('patient-sex-F').check();
  await form.type(page.getByTestId('patient-address'), KNOWN.address, 'adresse');
  await page.getByTestId('patient-address').blur();
  await expect(page.getByTestId('picker-value')).toContainText('Chérisey');
  await page.getByTestId('request-question').fill('Prise de sang à domicile, bilan rénal.');
  await page.getByTestId('patient-consent').check();
  await page.getByTestId('request-submit').click();
  await expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/);
}

async function openForm(page: Page): Promise<void> {
  await page.goto('/demandes/nouvelle');
  await expect(page.getByTestId('request-type-passage-infirmier')).toBeVisible();
}

const sent = (page: Page) => expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/, { timeout: 30_000 });

export const JOURNEYS: Journey[] = [
  {
    name: 'known-patient-nursing',
    title: 'Passage infirmier pour une patiente connue',
    goal: 6,
    prepare: ({ page }) => postFirstRequestFor(page),
    async run({ page }, ui) {
      await openForm(page);
      await ui.tap(page.getByTestId('request-type-passage-infirmier'), 'type');
      await ui.tap(page.getByTestId('patient-option').filter({ hasText: 'DURAND Jeanne' }), 'patiente');
      await expect(page.getByTestId('picker-value')).toContainText('Chérisey');
      await ui.type(page.getByTestId('request-question'), 'Pansement d’ulcère de jambe chaque jour pendant 10 jours.', 'question');
      await ui.check(page.getByTestId('patient-consent'), 'consentement');
      await ui.tap(page.getByTestId('request-submit'), 'envoyer');
      await sent(page);
    },
    expected: { type: 'passage-infirmier', commune: 'Chérisey', photos: 0, lastName: KNOWN.lastName },
  },
  {
    name: 'new-patient-specialist-photo',
    title: 'Avis dermatologique pour un nouveau patient, photo jointe',
    goal: 10,
    async run({ page, photo }, ui) {
      await openForm(page);
      await ui.tap(page.getByTestId('request-type-avis-specialise'), 'type');
      await ui.check(page.getByTestId('request-specialty').getByRole('radio', { name: 'Dermatologie' }), 'spécialité');
      await ui.type(page.getByTestId('patient-lastName'), 'Keller', 'nom');
      await ui.type(page.getByTestId('patient-firstName'), 'Marc', 'prénom');
      await ui.type(page.getByTestId('patient-birthDate'), '03091962', 'date de naissance');
      await ui.check(page.getByTestId('patient-sex-M'), 'sexe');
      await ui.camera(page.getByTestId('request-files-camera'), { name: 'lesion.png', mimeType: 'image/png', buffer: photo });
      await ui.type(page.getByTestId('request-question'), 'Lésion pigmentée du dos qui a changé en 3 mois : avis sur la photo ?', 'question');
      await ui.check(page.getByTestId('patient-consent'), 'consentement');
      await ui.tap(page.getByTestId('request-submit'), 'envoyer');
      await sent(page);
    },
    expected: { type: 'avis-specialise', specialty: 'Dermatologie', commune: 'cabinet', photos: 1, lastName: 'Keller' },
  },
  {
    name: 'drug-out-of-stock',
    title: 'Médicament en rupture pour une patiente connue',
    goal: 6,
    async run({ page }, ui) {
      await openForm(page);
      await ui.tap(page.getByTestId('request-type-medicament-rupture'), 'type');
      await ui.type(page.getByTestId('patient-lastName'), 'dur', 'début du nom');
      await ui.tap(page.getByTestId('patient-option').filter({ hasText: 'DURAND Jeanne' }), 'patiente');
      await ui.type(page.getByTestId('request-question'), 'Amoxicilline 1 g introuvable : qui en a ?', 'question');
      await ui.check(page.getByTestId('patient-consent'), 'consentement');
      await ui.tap(page.getByTestId('request-submit'), 'envoyer');
      await sent(page);
    },
    expected: { type: 'medicament-rupture', commune: 'Chérisey', photos: 0, lastName: KNOWN.lastName },
  },
];
