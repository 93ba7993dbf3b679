/**
 * On-device protection in Chromium: the patient's identity and the thread are encrypted at rest in
 * IndexedDB while the UI shows them; a restart without network leaves them locked (the directory and
 * the cards still work) until the network comes back or the member's PIN opens them; logout wipes all.
 */
import { expect, test, type Page } from '@playwright/test';
import { storedOccurrences } from './device-storage';
import { waitForServiceWorker } from './helpers';
import { COMMUNE, screenshot, settled, signIn } from './request-steps';

const PATIENT = { lastName: 'Quenneville', firstName: 'Apolline' };
const QUESTION = 'Bilan infirmier et prise de sang à domicile demain matin, patiente alitée.';
const SECRET_NOTE = 'Digicode 4812B, clef chez la voisine du deuxième';
const PIN = '482915';

/** The stored (raw) patient blocks: their `identity` as IndexedDB holds it. */
async function storedIdentities(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('rxdb-dexie-cpts-cases--') && n.endsWith('--patients'));
    if (!name) return [];
    const open = indexedDB.open(name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
    const store = Array.from(db.objectStoreNames).find((s) => s.startsWith('docs'))!;
    const read = db.transaction(store, 'readonly').objectStore(store).getAll();
    const rows = await new Promise<Array<{ identity?: unknown }>>((resolve) => (read.onsuccess = () => resolve(read.result)));
    db.close();
    return rows.map((r) => r.identity);
  });
}

test('patient data is encrypted on the device, locked after an offline restart, opened by the network or the PIN, wiped at logout', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const gp = await signIn(browser, 'generaliste');
  const { page } = gp;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await waitForServiceWorker(page);

  // A request with its patient block, written on this device; a thread message arrives by sync.
  await page.getByTestId('nav-requests').click();
  await page.getByTestId('request-new').click();
  await page.getByTestId('request-type-passage-infirmier').click();
  await page.getByTestId('picker-commune').selectOption(COMMUNE.insee);
  await page.getByTestId('request-question').fill(QUESTION);
  await page.getByTestId('patient-lastName').fill(PATIENT.lastName);
  await page.getByTestId('patient-firstName').fill(PATIENT.firstName);
  await page.getByTestId('patient-birthDate').fill('1938-02-17');
  await page.getByTestId('patient-sex-F').check();
  await page.getByTestId('patient-consent').check();
  await page.getByTestId('request-submit').click();
  await expect(page).toHaveURL(/\/demandes\/r-[0-9a-f]{32}$/);
  const requestId = page.url().split('/').pop()!;
  await settled(page);
  const message = { _id: `${requestId}--${gp.memberId}--e2enote1`, requestId, authorId: gp.memberId, kind: 'message', text: SECRET_NOTE, createdAt: new Date().toISOString() };
  const posted = await page.request.post('/api/sync/messages/_bulk_docs', { data: { docs: [message] } });
  expect((await posted.json())[0]).toMatchObject({ ok: true });
  await expect(page.getByTestId('thread-message').filter({ hasText: SECRET_NOTE })).toBeVisible({ timeout: 30_000 });

  // The UI shows the identity, decrypted…
  await page.getByTestId('patient-show').click();
  await expect(page.getByTestId('patient-identity')).toContainText(`${PATIENT.lastName.toUpperCase()} ${PATIENT.firstName}`);
  await screenshot(page, testInfo, 'protection-donnees-dechiffrees');

  // …while the device's storage holds neither the name nor the message in clear. The card (no
  // identity, by design) is stored in clear: proof that the scan reads what IndexedDB holds.
  const stored = await storedOccurrences(page, [PATIENT.lastName, PATIENT.firstName, SECRET_NOTE, QUESTION]);
  expect(stored[QUESTION].some((where) => where.startsWith('rxdb-dexie-cpts--') && where.includes('requests'))).toBe(true);
  expect({ lastName: stored[PATIENT.lastName], firstName: stored[PATIENT.firstName], note: stored[SECRET_NOTE] }).toEqual({ lastName: [], firstName: [], note: [] });
  // The block is there, its identity an AES ciphertext (crypto-js: base64 of « Salted__ »).
  const identities = await storedIdentities(page);
  expect(identities.length).toBeGreaterThan(0);
  for (const identity of identities) expect(identity).toMatch(/^U2FsdGVkX1/);

  // Offline restart without a PIN: patient data locked with a clear message; cards and directory work.
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId('lock-notice')).toHaveAttribute('data-reason', 'offline');
  await expect(page.getByTestId('lock-notice')).toContainText('chiffrées');
  await expect(page.getByTestId('request-card')).toBeVisible();
  await expect(page.getByTestId('patient-missing')).toContainText('verrouillées');
  await expect(page.getByTestId('thread-message')).toHaveCount(0);
  await screenshot(page, testInfo, 'protection-verrouille-hors-ligne');
  await page.getByRole('link', { name: 'Annuaire' }).first().click();
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  await page.goBack();

  // The network back: the key comes from the server, the data opens by itself.
  await page.context().setOffline(false);
  await expect(page.getByTestId('lock-notice')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('thread-message').filter({ hasText: SECRET_NOTE })).toBeVisible();

  // A PIN set in the profile opens it without network after a restart; wrong codes are counted.
  await page.getByRole('link', { name: 'Mon profil' }).click();
  await expect(page.getByTestId('pin-state')).toHaveAttribute('data-set', 'false');
  await page.getByTestId('pin-new').fill('123456');
  await page.getByTestId('pin-confirm').fill('123456');
  await page.getByTestId('pin-save').click();
  await expect(page.getByTestId('pin-message')).toContainText('trop facile');
  await page.getByTestId('pin-new').fill(PIN);
  await page.getByTestId('pin-confirm').fill(PIN);
  await page.getByTestId('pin-save').click();
  await expect(page.getByTestId('pin-state')).toHaveAttribute('data-set', 'true');
  expect(Object.values(await storedOccurrences(page, [PIN])).flat()).toEqual([]);

  await page.goto(`/demandes/${requestId}`);
  await expect(page.getByTestId('request-card')).toBeVisible();
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId('unlock-pin')).toBeVisible();
  await page.getByTestId('unlock-pin').fill('000111');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toContainText('4 essais restants');
  await screenshot(page, testInfo, 'protection-code-hors-ligne');
  await page.getByTestId('unlock-pin').fill(PIN);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('lock-notice')).toHaveCount(0);
  await expect(page.getByTestId('thread-message').filter({ hasText: SECRET_NOTE })).toBeVisible();
  await page.getByTestId('patient-show').click();
  await expect(page.getByTestId('patient-identity')).toContainText(PATIENT.lastName.toUpperCase());
  await page.context().setOffline(false);
  await settled(page);

  // Logout wipes the encrypted database and the PIN's record with the rest.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await expect
    .poll(() =>
      page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes('cpts-cases')),
        pin: localStorage.getItem('cpts.deviceKey.v1'),
      })),
    )
    .toEqual({ databases: [], pin: null });

  expect(errors).toEqual([]);
  await page.context().close();
});
