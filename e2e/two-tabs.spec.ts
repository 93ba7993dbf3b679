import { expect, test, type APIRequestContext } from '@playwright/test';
import { countSync, DIRECTORY_COUNT, demo, login, withSyncLog } from './helpers';

async function storedEntry(api: APIRequestContext, id: string) {
  return (await (await api.post('/api/sync/members/_all_docs', { data: { keys: [id], include_docs: true } })).json()).rows[0].doc;
}

test('two tabs share the data, only one replicates, and the other takes over when it closes', async ({ browser, playwright }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const firstSync = countSync(first);
  await login(first, 'infirmier');
  await expect(first.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);
  const memberId = await first.evaluate(() => JSON.parse(localStorage.getItem('cpts.user.v1')!).memberId as string);
  await expect.poll(() => firstSync.all.length).toBeGreaterThan(0);

  const second = await context.newPage();
  const secondSync = countSync(second);
  await second.goto('/annuaire');
  await expect(second.getByTestId('directory-count')).toContainText(DIRECTORY_COUNT);

  // A change made in the tab that does not replicate: written to the shared database, sent by the other.
  const api = await playwright.request.newContext({ baseURL: new URL(first.url()).origin });
  await api.post('/api/session', { data: demo('coordination') });
  // The demo nurse may already be available: what reaches the server is the new end of her availability.
  const before = (await storedEntry(api, memberId)).availability.availableUntil ?? null;
  await second.getByRole('link', { name: 'Ma disponibilité' }).click();
  await second.getByTestId('available-4h').click();
  await expect(second.getByTestId('availability-state')).toHaveAttribute('data-state', 'available');
  await first.getByRole('link', { name: 'Ma disponibilité' }).click();
  await expect(first.getByTestId('availability-state')).toHaveText(await second.getByTestId('availability-state').innerText());
  await expect.poll(async () => (await storedEntry(api, memberId)).availability.availableUntil ?? null, { timeout: 30_000 }).not.toBe(before);
  expect(firstSync.all).toContain('POST /api/sync/members/_bulk_docs');

  // A change on the server reaches both tabs through the one replication.
  const entry = await storedEntry(api, memberId);
  const slot = { start: new Date(Date.now() + 26 * 3_600_000).toISOString(), end: new Date(Date.now() + 38 * 3_600_000).toISOString() };
  await api.post('/api/sync/members/_bulk_docs', { data: { docs: [{ ...entry, availability: { ...entry.availability, onCall: [slot] }, updatedAt: new Date().toISOString() }] } });
  await expect(first.getByTestId('on-call')).toHaveCount(1, { timeout: 30_000 });
  await expect(second.getByTestId('on-call')).toHaveCount(1);
  expect(secondSync.all).toEqual([]);

  // The replicating tab goes: the other is elected and syncs on its own.
  await first.close();
  await withSyncLog(secondSync, () => expect.poll(() => secondSync.all.some((r) => r.includes('/members/')), { timeout: 30_000 }).toBe(true));
  // Its first pull done: the first tab may have closed between storing the server's change and its
  // bookkeeping, which that pull completes; an edit made before it would be merged against the older
  // state and lose to the server's (shown as a lost edit).
  await expect(second.getByTestId('sync-indicator')).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
  await second.getByTestId('on-call').getByRole('button', { name: 'Retirer' }).click();
  await expect(second.getByTestId('on-call')).toHaveCount(0);
  await withSyncLog(secondSync, () => expect.poll(async () => (await storedEntry(api, memberId)).availability.onCall.length, { timeout: 30_000 }).toBe(0));
  expect(secondSync.all).toContain('POST /api/sync/members/_bulk_docs');
  await api.dispose();
  await context.close();
});
