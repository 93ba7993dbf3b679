/**
 * The indicators dashboard in Chromium: it shows the figures the shared domain computes over the
 * server's data (the demo's year of requests), under each filter; a table exports to French CSV.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { computeIndicators } from '../src/domain/indicators/indicators';
import type { RequestMessage } from '../src/domain/requests/message-schema';
import type { CareRequest } from '../src/domain/requests/schema';
import { defaultFilterForm, filtersOf, type FilterForm } from '../src/indicators/filter-form';
import { closeContextsAfterEach, screenshot } from './helpers';
import { signIn } from './request-steps';

closeContextsAfterEach();

/** The console is desktop first. */
const DESKTOP = { width: 1366, height: 900 };

/** Every document of a collection this session may read, page by page from the sync gateway. */
async function readAll<T>(api: APIRequestContext, collection: string): Promise<T[]> {
  const docs: T[] = [];
  let since: string | number = 0;
  for (;;) {
    const res = await api.get(`/api/sync/${collection}/_changes?since=${since}&limit=1000&include_docs=true`);
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { results: Array<{ id: string; deleted?: boolean; doc: Record<string, unknown> }>; last_seq: string | number };
    if (body.results.length === 0) return docs;
    for (const r of body.results) if (!r.deleted && !r.id.startsWith('_design/')) docs.push({ ...r.doc, id: r.id } as T);
    since = body.last_seq;
  }
}

/**
 * After a scroll, lets Chromium paint the map's and the charts' composited layers: on a loaded
 * machine a screenshot taken at once can show the map's grey background without its layers.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(500);
}

/** What the dashboard shows in its key figures, from their raw values. */
async function shownFigures(page: Page): Promise<Record<string, string>> {
  const keys = ['received', 'resolved', 'unresolved', 'cancelled', 'expired', 'median', 'p90', 'within48h', 'escalated', 'supervisor', 'doctor', 'teleexpertise', 'follow-ups-asked', 'follow-ups-answered', 'covered', 'emergency', 'emergency-avoided', 'active', 'answered'];
  const shown: Record<string, string> = {};
  for (const key of keys) shown[key] = (await page.getByTestId(`figure-${key}`).getAttribute('data-value')) ?? '';
  return shown;
}

/** The same figures computed by the shared domain code over what the server gives this coordinator, at the page's time. */
async function expectedFigures(page: Page, form: FilterForm): Promise<Record<string, string>> {
  const [requests, members, messages] = await Promise.all([
    readAll<CareRequest>(page.request, 'requests'),
    readAll<{ id: string; status: string }>(page.request, 'members'),
    readAll<RequestMessage>(page.request, 'messages'),
  ]);
  const now = Number(await page.getByTestId('indicators-timing').getAttribute('data-now'));
  const i = computeIndicators(requests, members, { answers: messages, now }, filtersOf(form));
  const raw = (v: number | null) => (v === null ? '' : String(v));
  return {
    received: raw(i.received),
    resolved: raw(i.resolved),
    unresolved: raw(i.unresolved),
    cancelled: raw(i.cancelled),
    expired: raw(i.expired),
    median: raw(i.timeToFirstAcceptance.medianMinutes),
    p90: raw(i.timeToFirstAcceptance.p90Minutes),
    within48h: raw(i.share.handledWithin48h),
    escalated: raw(i.escalated),
    supervisor: raw(i.resolvedBySupervisor),
    doctor: raw(i.patientsHelpedToFindDoctor),
    teleexpertise: raw(i.teleexpertises),
    'follow-ups-asked': raw(i.followUps.asked),
    'follow-ups-answered': raw(i.followUps.answered),
    covered: raw(i.followUps.covered),
    emergency: raw(i.followUps.emergency),
    'emergency-avoided': raw(i.followUps.emergencyAvoided),
    active: raw(i.activeMembers),
    answered: raw(i.membersWhoAnswered),
  };
}

/** Polls until the page and the server agree: sync may still be bringing the year of requests in. */
async function expectSameFigures(page: Page, form: FilterForm): Promise<void> {
  await expect
    .poll(
      async () => {
        const [shown, expected] = [await shownFigures(page), await expectedFigures(page, form)];
        return JSON.stringify(shown) === JSON.stringify(expected) ? 'same' : JSON.stringify({ shown, expected });
      },
      { timeout: 120_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe('same');
}

test('the dashboard shows the figures of the demo data; a table exports to French CSV', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const { page } = await signIn(browser, 'coordination', { viewport: DESKTOP });
  await page.getByTestId('nav-indicators').click();
  await expect(page).toHaveURL(/\/coordination\/indicateurs$/);
  await expect(page.getByTestId('figure-received')).toBeVisible({ timeout: 60_000 });

  // The default period: the last 12 months up to today, the page's today (a run across midnight would differ from the test's).
  const today = Number(await page.getByTestId('indicators-timing').getAttribute('data-now'));
  const form = { ...defaultFilterForm(today), from: await page.getByTestId('filter-from').inputValue(), to: await page.getByTestId('filter-to').inputValue() };
  expect(form).toEqual(defaultFilterForm(today));
  await expectSameFigures(page, form);
  expect(Number(await page.getByTestId('figure-received').getAttribute('data-value'))).toBeGreaterThan(3000);
  await expect(page.getByTestId('table-par-type')).toContainText('Passage infirmier à domicile');
  await expect(page.locator('[data-testid="commune-map"] path[data-insee="57463"]')).toBeVisible();
  await expect(page.getByTestId('chart-months').locator('canvas')).toBeVisible();
  await screenshot(page, testInfo, 'indicators-dashboard');
  await page.getByTestId('table-resume').scrollIntoViewIfNeeded();
  await settled(page);
  await screenshot(page, testInfo, 'indicators-charts');
  await page.getByTestId('commune-map').scrollIntoViewIfNeeded();
  await settled(page);
  await screenshot(page, testInfo, 'indicators-map');
  testInfo.annotations.push({ type: 'compute-ms', description: (await page.getByTestId('indicators-timing').getAttribute('data-ms')) ?? '' });

  // A filter: the « recherche de médecin traitant » requests only.
  await page.getByTestId('filter-type').selectOption('medecin-traitant');
  await expectSameFigures(page, { ...form, type: 'medecin-traitant' });
  await expect(page.getByTestId('figure-doctor')).not.toHaveAttribute('data-value', '0');

  // Export: a download of UTF-8 with a byte-order mark and `;` separators.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-par-commune').click()]);
  expect(download.suggestedFilename()).toBe('indicateurs-par-commune.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('INSEE;Commune;Demandes;Part (%)');
  expect(lines[1]).toMatch(/^57\d{3};[^;]+;\d+;\d+(,\d)?$/);
});
