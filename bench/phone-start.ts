/**
 * Benchmark (not a test): what a person waits for on a three- or four-year-old phone on a weak 4G
 * signal. The built app in Chromium with the DevTools protocol's CPU throttling (4×) and network
 * emulation (slow 4G: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), a 390 × 844 touch viewport;
 * the server holds the demo directory and its year of requests. For a nurse and a coordinator:
 * - first visit: a fresh profile opens `/connexion`; from the navigation until the form can be used,
 *   then the credentials are typed at a phone's pace (200 ms a character; the app loads its data
 *   layer meanwhile, as it does while a person types), and (the typing excluded) from the click on
 *   « Se connecter » until the landing page (the directory) shows members, plus the first tap: from
 *   the tap on the requests tab (« Demandes », or « File » for the coordinator) until the list of
 *   requests is on screen;
 * - repeat visit, the app installed (service worker active, first sync done): a new tab opens `/`,
 *   from the navigation until the directory shows members, plus the same first tap; online (slow 4G)
 *   and offline.
 * Where a repeat visit's time goes: the page's resource timings (the document, the last script) and
 * the app's own marks (`cpts:*`: app rendered, database opening / created / opened, members read,
 * frame shown), each at its median over the runs.
 * Times are the page's own clock (`performance.now()`, from the navigation), so the script's
 * round-trips between steps count for nothing. The service worker's own requests (its precache)
 * are not throttled: Chromium emulates the network per page. Writes bench/results/phone-start.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demo } from '../server/testing/server';
import { RemoteServer } from '../server/testing/remote-server';
import { DIRECTORY_COUNT } from '../e2e/helpers';
import { builtApp, CHROMIUM } from './lib/build';
import { loadPerCore, round, summarize, until } from './lib/stats';

const RUNS = Number(process.env.RUNS ?? (process.env.BENCH_QUICK === '1' ? 2 : 5));
const CPU_SLOWDOWN = 4;
/** Slow 4G, in bytes per second. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' };
const TARGETS = { firstVisitMs: 3000, repeatVisitMs: 1000 };
/** A thumb on a phone keyboard: about five characters a second. */
const TYPING_MS_PER_KEY = 200;

/** The roles measured: their demo account, the tab that opens their list of requests, and what shows it. */
const ROLES = {
  nurse: { account: 'infirmiere', tab: 'nav-requests', list: '[data-testid="alert-items"]' },
  coordinator: { account: 'coordination', tab: 'nav-supervision', list: '[data-testid="supervision-count"]' },
} as const;
type Role = keyof typeof ROLES;

/** A throttled page: CPU 4× slower, slow 4G (or offline). */
async function phonePage(context: BrowserContext, offline = false): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', offline ? { ...SLOW_4G, offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 } : SLOW_4G);
  return page;
}

/** The page's clock when `selector` is first on screen (checked at every frame). */
async function shownAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction((s) => (document.querySelector(s) ? performance.now() : false), selector, { polling: 'raf', timeout: 180_000 });
  return (await handle.jsonValue()) as number;
}

/** The page's clock at the next `click` on `selector` (a capturing listener, set before the click). */
async function clickedAt(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((s) => {
    const w = window as unknown as { clickedAt?: number };
    delete w.clickedAt;
    document.addEventListener('click', (e) => void ((e.target as Element).closest(s) && (w.clickedAt ??= performance.now())), { capture: true });
  }, selector);
  return async () => (await until(() => page.evaluate(() => (window as unknown as { clickedAt?: number }).clickedAt ?? false), 'the click')) as number;
}

/** From the tap on the role's requests tab until its list is on screen. */
async function firstTap(page: Page, role: Role): Promise<number> {
  const { tab, list } = ROLES[role];
  const tapped = await clickedAt(page, `[data-testid="${tab}"]`);
  await page.getByTestId(tab).first().click();
  const shown = await shownAt(page, list);
  return shown - (await tapped());
}

const MEMBERS_SHOWN = '[data-testid="member-card"]';

/**
 * Milestones of a start, in ms from the navigation: the document and the last script received of
 * those the landing page asked for (not the first tab's page, which the app then loads ahead: its
 * mark `cpts:first-tab-loading`), and the app's `cpts:*` marks.
 */
async function milestones(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const ahead = performance.getEntriesByName('cpts:first-tab-loading')[0]?.startTime ?? Infinity;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < ahead);
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const out: Record<string, number> = { 'document-received': navigation.responseEnd, 'code-received': Math.max(0, ...resources.filter((r) => r.name.endsWith('.js')).map((r) => r.responseEnd)) };
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('cpts:')) out[m.name.slice(5)] ??= m.startTime;
    return out;
  });
}

async function firstVisit(browser: Browser, baseURL: string, role: Role) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await phonePage(context);
  await page.goto('/connexion', { waitUntil: 'commit' });
  const formReady = await shownAt(page, '[data-testid="login-submit"]:not([disabled])');
  const { email, password } = demo(ROLES[role].account);
  // Typed as a person types on a phone (the app loads its data layer meanwhile); the typing is not counted.
  await page.getByTestId('login-email').pressSequentially(email, { delay: TYPING_MS_PER_KEY });
  await page.getByTestId('login-password').pressSequentially(password, { delay: TYPING_MS_PER_KEY });
  const clicked = await clickedAt(page, '[data-testid="login-submit"]');
  await page.getByTestId('login-submit').click();
  const homeShown = await shownAt(page, MEMBERS_SHOWN);
  const marks = { ...(await milestones(page)), 'members-shown': homeShown };
  const click = await clicked();
  const tap = await firstTap(page, role);
  // The repeat visits need the app installed and the first sync done.
  await page.getByTestId('nav-directory').first().click();
  await page.getByTestId('directory-count').filter({ hasText: DIRECTORY_COUNT }).waitFor({ timeout: 600_000 });
  // The cards too: the first sync's progress gone (until then, a repeat visit would finish it).
  await page.getByTestId('first-sync-progress').waitFor({ state: 'detached', timeout: 600_000 });
  const synced = await page.evaluate(() => performance.now());
  await until(() => page.evaluate(async () => Boolean(navigator.serviceWorker.controller) || (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated').then((ok) => ok || false), 'the service worker');
  await page.close();
  return { context, formReadyMs: formReady, loginToHomeMs: homeShown - click, firstTapMs: tap, totalMs: formReady + (homeShown - click) + tap, syncedAfterClickMs: synced - click, marks: { ...marks, 'login-clicked': click } };
}

async function repeatVisit(context: BrowserContext, role: Role, offline: boolean) {
  if (offline) await context.setOffline(true);
  try {
    const page = await phonePage(context, offline);
    await page.goto('/', { waitUntil: 'commit' });
    const homeShown = await shownAt(page, MEMBERS_SHOWN);
    const marks = { ...(await milestones(page)), 'members-shown': homeShown };
    const tap = await firstTap(page, role);
    await page.close();
    return { homeMs: homeShown, firstTapMs: tap, totalMs: homeShown + tap, marks };
  } finally {
    if (offline) await context.setOffline(false);
  }
}

/** Each milestone's median over the runs, in the order of the medians. */
function medians(runs: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const median = (name: string) => summarize(runs.map((r) => r[name]).filter((v) => v !== undefined), 0).median;
  return Object.fromEntries(names.map((n) => [n, median(n)] as const).sort((a, b) => a[1] - b[1]));
}

async function main() {
  const dist = await builtApp();
  const server = await RemoteServer.start({ DEMO_ACTIVITY: '1', STATIC_DIR: dist });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const result: Record<string, unknown> = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      conditions: { cpuSlowdown: CPU_SLOWDOWN, network: 'slow 4G: 150 ms, 1.6 Mbit/s down, 750 kbit/s up', viewport: PHONE.viewport },
      targets: TARGETS,
    };
    const loads: number[] = [];
    for (const role of Object.keys(ROLES) as Role[]) {
      const first: Array<Awaited<ReturnType<typeof firstVisit>>> = [];
      const online: Array<Awaited<ReturnType<typeof repeatVisit>>> = [];
      const offline: Array<Awaited<ReturnType<typeof repeatVisit>>> = [];
      for (let run = 0; run < RUNS; run++) {
        const visit = await firstVisit(browser, server.url, role);
        first.push(visit);
        online.push(await repeatVisit(visit.context, role, false));
        offline.push(await repeatVisit(visit.context, role, true));
        await visit.context.close();
        loads.push(await loadPerCore());
        const f = first.at(-1)!;
        console.log(
          `${role} ${run + 1}/${RUNS}: first visit ${Math.round(f.totalMs)} ms (form ${Math.round(f.formReadyMs)}, login to home ${Math.round(f.loginToHomeMs)}, tap ${Math.round(f.firstTapMs)}; synced ${Math.round(f.syncedAfterClickMs)} ms after the click), ` +
            `repeat online ${Math.round(online.at(-1)!.totalMs)} ms, offline ${Math.round(offline.at(-1)!.totalMs)} ms (load/core ${loads.at(-1)})`,
        );
      }
      const of = <T>(list: T[], f: (x: T) => number) => summarize(list.map(f), 0);
      result[role] = {
        firstVisitMs: of(first, (v) => v.totalMs),
        firstVisit: {
          formReadyMs: of(first, (v) => v.formReadyMs),
          loginToHomeMs: of(first, (v) => v.loginToHomeMs),
          firstTapMs: of(first, (v) => v.firstTapMs),
          syncedAfterClickMs: of(first, (v) => v.syncedAfterClickMs),
          milestonesMs: medians(first.map((v) => v.marks)),
        },
        repeatVisitMs: of(online, (v) => v.totalMs),
        repeatVisitOfflineMs: of(offline, (v) => v.totalMs),
        repeatVisit: {
          online: { homeMs: of(online, (v) => v.homeMs), firstTapMs: of(online, (v) => v.firstTapMs), milestonesMs: medians(online.map((v) => v.marks)) },
          offline: { homeMs: of(offline, (v) => v.homeMs), firstTapMs: of(offline, (v) => v.firstTapMs), milestonesMs: medians(offline.map((v) => v.marks)) },
        },
      };
    }
    result.loadPerCore = summarize(loads, 2);
    result.runs = RUNS;
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/phone-start.json', JSON.stringify(result, null, 2) + '\n');
    console.log(`phone start: ${JSON.stringify(Object.fromEntries((Object.keys(ROLES) as Role[]).map((r) => [r, { first: (result[r] as { firstVisitMs: { median: number } }).firstVisitMs.median, repeat: (result[r] as { repeatVisitMs: { median: number } }).repeatVisitMs.median }])))} (ms, medians; load/core ${round(loads.reduce((a, b) => a + b, 0) / loads.length, 2)})`);
  } finally {
    await browser.close();
    await server.stop();
    if (!process.env.BENCH_DIST) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
