import { expect, test } from '@playwright/test';
import { extractHeader, extractLine, sampleRow } from '../src/domain/rpps/fixtures';
import { demo, login, screenshot } from './helpers';

const IMPORTED = ['m-10999000001', 'm-10999000002', 'm-10999000003'];

function extract(): Buffer {
  const lines = [
    extractHeader(),
    extractLine(sampleRow({ rpps: '10999000001', lastName: 'FONTAINE', firstName: 'Aurélie' })),
    extractLine(sampleRow({ rpps: '10999000002', lastName: 'GARNIER', professionCode: '60', specialtyLabel: '', insee: '', postcode: '57420', commune: 'VERNY' })),
    extractLine(sampleRow({ rpps: '10999000003', lastName: 'CHEVALIER', professionCode: '70', specialtyLabel: '', insee: '57722', postcode: '57130', commune: 'VIONVILLE' })),
    extractLine(sampleRow({ rpps: '10999000004', insee: '69123', postcode: '69003', commune: 'LYON' })),
    'ligne|tronquée|',
  ];
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

test('a coordinator imports an RPPS extract on the page and sees the summary', async ({ page }, testInfo) => {
  await login(page, 'coordination');
  await page.getByTestId('nav-rpps-import').click();
  await expect(page).toHaveURL(/\/coordination\/import-rpps$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import de l’extrait RPPS');

  // A file that is not the extract is refused before it is sent.
  await page.getByTestId('rpps-file').setInputFiles({ name: 'annuaire.csv', mimeType: 'text/csv', buffer: Buffer.from('nom;prénom;rpps\n') });
  await page.getByTestId('rpps-submit').click();
  await expect(page.getByTestId('rpps-error')).toContainText('n’est pas un extrait RPPS');

  await page.getByTestId('rpps-file').setInputFiles({ name: 'PS_LibreAcces_Personne_activite_202611.txt', mimeType: 'text/plain', buffer: extract() });
  await page.getByTestId('rpps-submit').click();
  // The first import after the server starts builds the directory's index of national numbers: on
  // the demo directory that took 6.5 s on a 2-core machine at a load of 2.4, past 15 s under heavier load.
  await expect(page.getByTestId('rpps-summary')).toHaveText('lues 5, retenues 3, créées 3, mises à jour 0, rejetées 1', { timeout: 90_000 });
  await expect(page.getByTestId('rpps-error')).toHaveCount(0);
  await expect(page.getByTestId('rpps-rejections')).toContainText('ligne mal formée');
  await screenshot(page, testInfo, 'import-rpps');

  // The invited entries are in the directory.
  await page.getByRole('link', { name: 'Annuaire' }).first().click();
  await page.getByTestId('directory-search').fill('Aurélie Fontaine');
  await expect(page.getByTestId('member-card')).toHaveCount(1);
});

// Leave the demo directory as the other tests expect it, even after a failure:
// the coordination deletes the imported entries (deletions keep their body).
test.afterEach(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post('/api/session', { data: demo('coordination') })).status()).toBe(200);
  const read = await api.post('/api/sync/members/_all_docs', { data: { keys: IMPORTED, include_docs: true } });
  const rows = (await read.json()).rows as Array<{ doc?: Record<string, unknown> | null }>;
  const docs = rows.filter((r) => r.doc && !r.doc._deleted).map((r) => ({ ...r.doc, _deleted: true, updatedAt: new Date().toISOString() }));
  if (docs.length) {
    const removed = await api.post('/api/sync/members/_bulk_docs', { data: { docs } });
    expect((await removed.json()).every((r: { ok?: boolean }) => r.ok)).toBe(true);
  }
  await api.dispose();
});
